// "Did you mean …?" for misspelled element names.

/** The candidate nearest to `name` by edit distance, or undefined when none is plausibly meant. */
export function closestName(name, candidates) {
    const lowerName = name.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(lowerName, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const tolerance = Math.max(2, Math.floor(name.length / 3));
    return bestDistance <= tolerance ? best : undefined;
}

function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        for (let j = 1; j <= b.length; j += 1) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
