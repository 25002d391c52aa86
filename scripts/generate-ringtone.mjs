// Writes src/softphone/assets/ringtone.wav, the softphone's ringtone: synthesised here (no
// downloaded or copied audio), small (8-bit mono at 8 kHz, about 16 KB) and looped by the
// softphone while a call rings. The build copies it into the static resource. Run it again only
// to change the sound: `node scripts/generate-ringtone.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ringtonePath = join(root, 'src/softphone/assets/ringtone.wav');

const sampleRate = 8000;
// A two-burst ring (the 440 + 480 Hz pair of North American ringing), then a pause; looped.
const pattern = [
    { tone: true, seconds: 0.4 },
    { tone: false, seconds: 0.2 },
    { tone: true, seconds: 0.4 },
    { tone: false, seconds: 1.0 }
];

function samples() {
    const out = [];
    for (const part of pattern) {
        const count = Math.round(part.seconds * sampleRate);
        for (let i = 0; i < count; i++) {
            if (!part.tone) {
                out.push(128);
                continue;
            }
            const t = i / sampleRate;
            // 10 ms fade in and out, so the bursts do not click.
            const fade = Math.min(1, i / 80, (count - i) / 80);
            const value =
                0.45 * fade * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t));
            out.push(Math.max(0, Math.min(255, Math.round(128 + 127 * value))));
        }
    }
    return Uint8Array.from(out);
}

/** A PCM WAV file: RIFF header, fmt chunk (PCM, mono, 8 bits), data chunk. */
export function ringtoneWav() {
    const data = samples();
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(36 + data.length, 4);
    header.write('WAVE', 8, 'ascii');
    header.write('fmt ', 12, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(sampleRate, 24);
    header.writeUInt32LE(sampleRate, 28);
    header.writeUInt16LE(1, 32);
    header.writeUInt16LE(8, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(data.length, 40);
    return Buffer.concat([header, Buffer.from(data)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    mkdirSync(dirname(ringtonePath), { recursive: true });
    writeFileSync(ringtonePath, ringtoneWav());
    process.stdout.write(`wrote ${ringtonePath}\n`);
}
