// Regenerates src/engine/data/iris.generated.ts from content/data/iris.csv.
// Run: npx node --experimental-strip-types test/engine/make-iris-module.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parseIrisCsv } from './iris-csv.ts';

const root = new URL('../../', import.meta.url);
const { features, labels, featureNames, classNames } = parseIrisCsv(
  readFileSync(new URL('content/data/iris.csv', root), 'utf8'),
);
const rows: string[] = [];
for (let i = 0; i < labels.length; i++) rows.push(`  ${features.slice(i * 4, i * 4 + 4).join(', ')}, ${labels[i]},`);
const text = `// Generated from content/data/iris.csv by test/engine/make-iris-module.ts. Do not edit by hand:
// a test fails if this module and the CSV differ. Licence and provenance: content/data/README.md.

/** Column names of the Iris features, in order. */
export const IRIS_FEATURES = ${JSON.stringify(featureNames)} as const;
/** Species names; a label k means IRIS_CLASSES[k]. */
export const IRIS_CLASSES = ${JSON.stringify(classNames)} as const;

/** 150 rows of [sepal length, sepal width, petal length, petal width (cm), species label]. */
export const IRIS_ROWS: readonly number[] = [
${rows.join('\n')}
];
`;
writeFileSync(new URL('src/engine/data/iris.generated.ts', root), text);
console.log(`wrote src/engine/data/iris.generated.ts (${labels.length} rows)`);
