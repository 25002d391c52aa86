import { batchedRender } from './batched-render';

describe('batchedRender', () => {
    it('renders the changes of one batch once, after they have all happened', async () => {
        const seen: number[] = [];
        let value = 0;
        const schedule = batchedRender(() => seen.push(value));
        value = 1;
        schedule();
        value = 2;
        schedule();
        schedule();
        expect(seen).toEqual([]);
        await Promise.resolve();
        expect(seen).toEqual([2]);
    });

    it('renders again for changes that come after a render', async () => {
        let renders = 0;
        const schedule = batchedRender(() => {
            renders += 1;
        });
        schedule();
        await Promise.resolve();
        schedule();
        await Promise.resolve();
        expect(renders).toBe(2);
    });
});
