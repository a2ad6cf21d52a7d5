/**
 * Every relative link and image in the Markdown pages resolves: the file exists, and an
 * `#anchor` names a heading of that page as GitHub makes its anchors. External links are not
 * fetched; links to this repository's README on GitHub (the nodes' documentation links) are
 * checked against the README's headings. And the README stays short: at most 15 KB, every
 * section in its table of contents, every page of docs/ linked from it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
};
/** https://github.com/owner/name, from the homepage (`…#readme`). */
const REPO_URL = pkg.homepage.replace(/#.*$/, '');

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function markdownUnder(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const file = path.posix.join(dir, entry.name);
		if (entry.isDirectory()) return markdownUnder(file);
		return entry.name.endsWith('.md') ? [file] : [];
	});
}

const PAGES = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...markdownUnder('docs')];

/** The page without fenced code blocks: what they hold is code, not links or headings. */
function withoutCodeBlocks(text: string): string {
	const lines: string[] = [];
	let fence: string | undefined;
	for (const line of text.split('\n')) {
		const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence === undefined && marker !== undefined) fence = marker;
		else if (fence !== undefined && marker !== undefined && marker.startsWith(fence))
			fence = undefined;
		else if (fence === undefined) {
			lines.push(line);
			continue;
		}
		lines.push('');
	}
	return lines.join('\n');
}

/**
 * GitHub's anchor of a heading (github-slugger): the heading's text as rendered, in lower case,
 * without punctuation other than `-` and `_`, spaces turned into `-`; a repeated anchor gets
 * `-1`, `-2`, …
 */
function anchorsOf(text: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of withoutCodeBlocks(text).split('\n')) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
		if (heading === undefined) continue;
		const rendered = heading
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/[`*]/g, '');
		const slug = rendered
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

/** Every link and image target of a page, outside code: inline ones and reference definitions. */
function targetsOf(text: string): string[] {
	const prose = withoutCodeBlocks(text).replace(/`[^`\n]*`/g, '');
	const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
	const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)];
	return [...inline, ...references].map((match) => match[1] as string);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with a relative link from `page`, or undefined when it resolves. */
function brokenLink(page: string, target: string): string | undefined {
	const [rawPath = '', anchor] = target.split('#', 2);
	const file =
		rawPath === ''
			? page
			: path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(rawPath)));
	if (file.startsWith('../')) return `${target}: outside the repository`;
	if (!existsSync(path.join(ROOT, file))) return `${target}: ${file} does not exist`;
	if (anchor === undefined || anchor === '') return undefined;
	if (!file.endsWith('.md')) return `${target}: an anchor into a file that is not Markdown`;
	if (!anchorsOf(read(file)).has(decodeURIComponent(anchor)))
		return `${target}: ${file} has no heading with the anchor #${anchor}`;
	return undefined;
}

describe('the anchors GitHub makes', () => {
	test.each([
		['## Retries and errors', 'retries-and-errors'],
		["## n8n's Retry On Fail", 'n8ns-retry-on-fail'],
		['### Options → **Page Size**', 'options--page-size'],
		['## What `npm run test:queue` shows', 'what-npm-run-testqueue-shows'],
		['## [Links](x.md) and images', 'links-and-images'],
	])('%s → #%s', (heading, anchor) => {
		expect(anchorsOf(heading)).toEqual(new Set([anchor]));
	});

	test('a repeated heading gets -1, -2; headings in code blocks are none', () => {
		expect(anchorsOf('## Submit\n\n```md\n## Code\n```\n\n## Submit\n\n## Submit\n')).toEqual(
			new Set(['submit', 'submit-1', 'submit-2']),
		);
	});
});

describe.each(PAGES)('%s', (page) => {
	const targets = targetsOf(read(page));

	test('every relative link and image resolves, anchors included', () => {
		const broken = targets
			.filter((target) => !isExternal(target))
			.map((target) => brokenLink(page, target))
			.filter((problem) => problem !== undefined);
		expect(broken).toEqual([]);
	});

	test("links to this repository's README on GitHub name one of its headings", () => {
		const readme = anchorsOf(read('README.md'));
		const missing = targets
			.filter((target) => target.startsWith(`${REPO_URL}#`))
			.map((target) => target.slice(REPO_URL.length + 1))
			.filter((anchor) => anchor !== 'readme' && !readme.has(anchor));
		expect(missing).toEqual([]);
	});
});

test("the nodes' and the credential's documentation links name headings of the README", () => {
	const files = [
		'nodes/Ucdn/Ucdn.node.json',
		'nodes/UcdnTrigger/UcdnTrigger.node.json',
		'credentials/UCloudApi.credentials.ts',
	];
	const anchors = files.flatMap((file) =>
		[...read(file).matchAll(/https:\/\/github\.com\/[^\s"'#)]+#([\w-]+)/g)].map(
			([, anchor]) => anchor as string,
		),
	);
	expect(anchors).toContain('credentials');
	const readme = anchorsOf(read('README.md'));
	expect(anchors.filter((anchor) => anchor !== 'readme' && !readme.has(anchor))).toEqual([]);
});

/** What a user reads in five minutes: depth goes to docs/, linked from the README. */
const README_MAX_BYTES = 15 * 1024;

test(`the README is at most ${README_MAX_BYTES} bytes`, () => {
	expect(readFileSync(path.join(ROOT, 'README.md')).length).toBeLessThanOrEqual(README_MAX_BYTES);
});

test("the README's table of contents lists every section", () => {
	const readme = read('README.md');
	const sections = [
		...anchorsOf(
			withoutCodeBlocks(readme)
				.split('\n')
				.filter((line) => /^#{2,3} /.test(line))
				.join('\n'),
		),
	];
	const listed = new Set(targetsOf(readme).filter((target) => target.startsWith('#')));
	expect(sections.filter((anchor) => !listed.has(`#${anchor}`))).toEqual([]);
});

test('every page in docs/ is linked from the README', () => {
	const linked = new Set(
		targetsOf(read('README.md'))
			.filter((target) => !isExternal(target))
			.map((target) => target.split('#')[0]),
	);
	const pages = markdownUnder('docs').filter((page) => !linked.has(page));
	expect(pages).toEqual([]);
});

test('every screenshot in docs/images is shown on some page', () => {
	const shown = new Set(
		PAGES.flatMap((page) =>
			targetsOf(read(page))
				.filter((target) => !isExternal(target))
				.map((target) =>
					path.posix.normalize(
						path.posix.join(path.posix.dirname(page), target.split('#')[0] ?? ''),
					),
				),
		),
	);
	const images = readdirSync(path.join(ROOT, 'docs/images')).map((name) => `docs/images/${name}`);
	expect(images.filter((image) => !shown.has(image))).toEqual([]);
});
