/**
 * A small evaluator for the part of Salesforce's formula language a Phone_Call__c validation rule
 * uses: AND, OR, NOT, ISNEW(), ISCHANGED(Field), TRUE and FALSE. Anything else is refused with
 * the text it met, so a rule that grows beyond this subset fails its test instead of passing
 * unchecked. Salesforce semantics (Formula Operators and Functions, help.salesforce.com):
 * ISNEW() is true on insert; ISCHANGED(field) is false on insert and true on update when the
 * new value differs from the prior one.
 */
export interface FormulaContext {
    readonly isNew: boolean;
    changed(field: string): boolean;
}

type Node =
    | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
    | { readonly kind: 'field'; readonly name: string }
    | { readonly kind: 'boolean'; readonly value: boolean };

const TOKEN = /\s*(?:([A-Za-z][A-Za-z0-9_]*)|(\()|(\))|(,))/y;

export function parseFormula(text: string): Node {
    const tokens: string[] = [];
    TOKEN.lastIndex = 0;
    let position = 0;
    while (position < text.length) {
        if (/^\s*$/.test(text.slice(position))) {
            break;
        }
        TOKEN.lastIndex = position;
        const match = TOKEN.exec(text);
        if (match === null) {
            throw new Error(
                `unsupported formula text at ${position}: ${text.slice(position, position + 20)}`
            );
        }
        tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
        position = TOKEN.lastIndex;
    }
    let index = 0;
    const next = () => tokens[index++];
    const expression = (): Node => {
        const word = next();
        if (word === undefined || !/^[A-Za-z]/.test(word)) {
            throw new Error(`expected a name, found ${String(word)}`);
        }
        const upper = word.toUpperCase();
        if (tokens[index] !== '(') {
            if (upper === 'TRUE' || upper === 'FALSE') {
                return { kind: 'boolean', value: upper === 'TRUE' };
            }
            return { kind: 'field', name: word };
        }
        index += 1;
        const args: Node[] = [];
        if (tokens[index] === ')') {
            index += 1;
        } else {
            for (;;) {
                args.push(expression());
                const separator = next();
                if (separator === ')') {
                    break;
                }
                if (separator !== ',') {
                    throw new Error(`expected , or ) after an argument of ${word}`);
                }
            }
        }
        return { kind: 'call', name: upper, args };
    };
    const root = expression();
    if (index !== tokens.length) {
        throw new Error(`unexpected ${tokens[index]} after the formula`);
    }
    return root;
}

export function evaluateFormula(node: Node, context: FormulaContext): boolean {
    switch (node.kind) {
        case 'boolean':
            return node.value;
        case 'field':
            throw new Error(`a field (${node.name}) is not a condition by itself`);
        case 'call':
            return evaluateCall(node.name, node.args, context);
    }
}

function evaluateCall(name: string, args: readonly Node[], context: FormulaContext): boolean {
    switch (name) {
        case 'AND':
            return args.every((arg) => evaluateFormula(arg, context));
        case 'OR':
            return args.some((arg) => evaluateFormula(arg, context));
        case 'NOT':
            if (args.length !== 1) {
                throw new Error('NOT takes one argument');
            }
            return !evaluateFormula(args[0] as Node, context);
        case 'ISNEW':
            if (args.length !== 0) {
                throw new Error('ISNEW takes no argument');
            }
            return context.isNew;
        case 'ISCHANGED': {
            const field = args[0];
            if (args.length !== 1 || field?.kind !== 'field') {
                throw new Error('ISCHANGED takes one field');
            }
            return !context.isNew && context.changed(field.name);
        }
        default:
            throw new Error(`unsupported function ${name}`);
    }
}

/** Every field the formula passes to ISCHANGED. */
export function fieldsCheckedForChange(node: Node): string[] {
    if (node.kind !== 'call') {
        return [];
    }
    if (node.name === 'ISCHANGED') {
        return node.args.flatMap((arg) => (arg.kind === 'field' ? [arg.name] : []));
    }
    return node.args.flatMap(fieldsCheckedForChange);
}
