import ts from 'typescript';

/**
 * Finds user-visible English in the softphone's TypeScript, for the test that keeps every word the
 * agent reads in the label source (src/labels/en.json). What counts as user-visible English:
 * - a string with two words or more ("Call ended", "Couldn't reach {0}"), or a word and "…";
 * - a template literal with a capitalised word (`Today, ${time}`);
 * - a single capitalised word given to the DOM as text: `el(…, { text: 'Mute' })`,
 *   `button('Hold', …)`, `setText(node, 'Ready')`, `.textContent = 'Ready'`, or an attribute the
 *   agent or a screen reader reads (`aria-label`, `title`, `placeholder`, `alt`).
 * Not counted: imports, type literals, comparisons and `case` values (data, not words), strings
 * given to a logger (the diagnostic log stays English: support reads it), and a line carrying
 * `i18n-exempt: <why>` (in a comment on that line or the line before).
 */
export interface EnglishString {
    readonly file: string;
    readonly line: number;
    readonly text: string;
}

const sentence = /[A-Za-z]{2,}[,.:;!?'’)]*\s+[(“"']?[A-Za-z{][A-Za-z}]*/;
const ellipsis = /[A-Za-z]{2,}…/;
const capitalisedWord = /^[A-Z][a-z]+(?:[ -][A-Za-z]+)*[.:!?]?$/;
const technical =
    /^(?:slds-|softphone-|https?:|\/|[a-z]+[A-Z])|^[a-z0-9_.\-/:]+(?:\s+[a-z0-9_.\-/:]+)*$/;
const readAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
const domTextCalls = new Set(['button', 'setText', 'createDigitPad']);
const loggerMethods = new Set(['debug', 'info', 'warn', 'trace', 'log']);
const loggerObjects = /(?:^|\.)(?:log|logger|diagnostics|engineLog|logLine)$/i;

export function findEnglishStrings(file: string, source: string): EnglishString[] {
    const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
    const lines = source.split('\n');
    const found: EnglishString[] = [];
    const report = (node: ts.Node, text: string): void => {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
        const here = `${lines[line - 1] ?? ''}\n${lines[line] ?? ''}`;
        if (!here.includes('i18n-exempt:')) {
            found.push({ file, line: line + 1, text });
        }
    };
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) {
            return;
        }
        if (isLoggerCall(node)) {
            return;
        }
        const text = literalText(node);
        if (text !== undefined && isUserVisibleEnglish(node, text)) {
            report(node, text);
        }
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
}

function literalText(node: ts.Node): string | undefined {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        return node.text;
    }
    if (ts.isTemplateExpression(node)) {
        return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('{}');
    }
    return undefined;
}

function isUserVisibleEnglish(node: ts.Node, text: string): boolean {
    const parent = node.parent;
    if (
        ts.isImportTypeNode(parent) ||
        ts.isExternalModuleReference(parent) ||
        ts.isCaseClause(parent) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isElementAccessExpression(parent) ||
        (ts.isBinaryExpression(parent) &&
            [
                ts.SyntaxKind.EqualsEqualsEqualsToken,
                ts.SyntaxKind.ExclamationEqualsEqualsToken
            ].includes(parent.operatorToken.kind))
    ) {
        return false;
    }
    const words = text.replace(/\{\d*\}/g, ' ').trim();
    if (technical.test(words)) {
        return false;
    }
    if (sentence.test(words) || ellipsis.test(words)) {
        return true;
    }
    // `Today, ${time}`: a word built into a sentence with a value.
    if (ts.isTemplateExpression(node) && /\b[A-Z][a-z]{2,}\b/.test(words)) {
        return true;
    }
    return capitalisedWord.test(words) && isDomText(node);
}

function isDomText(node: ts.Node): boolean {
    let parent = node.parent;
    // `cond ? 'Resume' : 'Hold'`, `(…)`, `x ?? 'Ready'`: the words reach wherever the whole goes.
    while (
        ts.isConditionalExpression(parent) ||
        ts.isParenthesizedExpression(parent) ||
        (ts.isBinaryExpression(parent) &&
            [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(
                parent.operatorToken.kind
            ))
    ) {
        node = parent;
        parent = parent.parent;
    }
    if (ts.isPropertyAssignment(parent)) {
        const name = parent.name.getText().replace(/['"]/g, '');
        return name === 'text' || name === 'label' || readAttributes.has(name);
    }
    if (ts.isCallExpression(parent)) {
        const callee = parent.expression;
        const name = ts.isIdentifier(callee)
            ? callee.text
            : ts.isPropertyAccessExpression(callee)
              ? callee.name.text
              : '';
        if (domTextCalls.has(name)) {
            return true;
        }
        if (name === 'setAttribute' || name === 'setAttr') {
            const attribute = parent.arguments[parent.arguments.length - 2];
            return attribute !== undefined && readAttributes.has(literalText(attribute) ?? '');
        }
        return false;
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        return /\.(?:textContent|innerText|title|placeholder)$/.test(parent.left.getText());
    }
    return false;
}

function isLoggerCall(node: ts.Node): boolean {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) {
        return false;
    }
    const method = node.expression.name.text;
    return (
        loggerMethods.has(method) ||
        (method === 'error' && loggerObjects.test(node.expression.expression.getText()))
    );
}
