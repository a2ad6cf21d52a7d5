// Refuses a release whose tag and package.json version differ: `node check-tag.mjs v1.2.3`
// (the publish workflow passes the pushed tag). Exits 1 with the reason.
import { readFileSync } from 'node:fs';

const tag = process.argv[2] ?? '';
const { version } = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
);
if (tag !== `v${version}`) {
	console.error(
		`The tag "${tag}" does not match package.json's version ${version}: expected "v${version}".`,
	);
	process.exit(1);
}
console.log(`Tag ${tag} matches package.json's version ${version}.`);
