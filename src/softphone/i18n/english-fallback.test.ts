import { createHash } from 'node:crypto';
import { englishLabels } from './english-labels';
import { englishLabel, installEnglishLabels, installLabels, label } from './label-catalog';
import { completeWithEnglish, sha256Hex, type EnglishFallback } from './page-labels';

describe('the English catalogue, for a page that lacks labels', () => {
    const english = englishLabels();
    const everyName = ['Softphone_Answer', 'Softphone_Decline'];
    const digestOf = (names: readonly string[]) => sha256Hex([...names].sort().join('\n'));
    const page = (labels: Record<string, string>) => ({
        labels,
        language: 'fr',
        locale: undefined
    });
    async function fallback(): Promise<EnglishFallback & { loads: number }> {
        const expectedDigest = await digestOf(everyName);
        const state = {
            expectedDigest,
            digest: sha256Hex,
            loads: 0,
            load: () => {
                state.loads += 1;
                return Promise.resolve(english);
            }
        };
        return state;
    }

    afterEach(() => installEnglishLabels(english));

    it('is not loaded when the page renders every softphone label', async () => {
        const loader = await fallback();
        installEnglishLabels({});
        await expect(
            completeWithEnglish(
                page({ Softphone_Decline: 'Refuser', Softphone_Answer: 'Répondre' }),
                loader
            )
        ).resolves.toBe(false);
        expect(loader.loads).toBe(0);
    });

    it('is loaded when the page lacks a label or gives one blank: that label reads in English', async () => {
        const loader = await fallback();
        installEnglishLabels({});
        installLabels({ Softphone_Answer: 'Répondre' });
        expect(label('Softphone_Decline')).toBe('Softphone_Decline');
        await expect(
            completeWithEnglish(page({ Softphone_Answer: 'Répondre' }), loader)
        ).resolves.toBe(true);
        expect(loader.loads).toBe(1);
        expect(label('Softphone_Answer')).toBe('Répondre');
        expect(label('Softphone_Decline')).toBe('Decline');
        installLabels({});
    });

    it('is loaded when the digest cannot be computed (no Web Crypto)', async () => {
        const loader = await fallback();
        const unavailable = { ...loader, digest: () => Promise.reject(new Error('no subtle')) };
        await expect(
            completeWithEnglish(
                page({ Softphone_Answer: 'a', Softphone_Decline: 'b' }),
                unavailable
            )
        ).resolves.toBe(true);
    });

    it('compares digests as the build computes them (SHA-256, hex)', async () => {
        const text = everyName.join('\n');
        await expect(sha256Hex(text)).resolves.toBe(
            createHash('sha256').update(text).digest('hex')
        );
    });

    it('holds only the values, the same as en.json', () => {
        expect(english.Softphone_Answer).toBe(englishLabel('Softphone_Answer'));
        expect(Object.values(english).every((value) => typeof value === 'string')).toBe(true);
    });
});
