// Copies what tsc does not emit into dist/: node and credential icons, and codex files.
const { src, dest, task } = require('gulp');

task('build:assets', () =>
	src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);
