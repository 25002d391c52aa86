// The committed LWC module c/softphoneChannel must be what the build generates from the
// TypeScript contract (scripts/lwc-contract-module.mjs): a hand edit, or a contract change
// without `node scripts/build.mjs contract`, fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    generateLwcContractModule,
    LWC_CONTRACT_MODULE,
    LWC_CONTRACT_SOURCE
} from '../lwc-contract-module.mjs';

export async function checkLwcContractModule(projectRoot) {
    if (!existsSync(join(projectRoot, LWC_CONTRACT_SOURCE))) {
        return [];
    }
    const path = join(projectRoot, LWC_CONTRACT_MODULE);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (committed === (await generateLwcContractModule(projectRoot))) {
        return [];
    }
    return [
        {
            file: LWC_CONTRACT_MODULE,
            message: `${committed === undefined ? 'missing' : 'differs from what the build generates from ' + LWC_CONTRACT_SOURCE}: run node scripts/build.mjs contract and commit the result`
        }
    ];
}
