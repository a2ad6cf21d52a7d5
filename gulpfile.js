// Copies what tsc does not emit into dist/: the nodes' icons (in icons/, shared by both nodes),
// the credential's icons and the codex files.
const { src, dest, task } = require('gulp');

task('build:assets', () =>
	src(['icons/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);

// A build starts from an empty dist/, so nothing stale is ever packed.
task('clean', (done) => {
	require('node:fs').rmSync('dist', { recursive: true, force: true });
	done();
});
