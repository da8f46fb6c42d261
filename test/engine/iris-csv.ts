// Parses content/data/iris.csv (shared by the module generator and the drift test).
export function parseIrisCsv(text: string): {
  features: number[];
  labels: number[];
  featureNames: string[];
  classNames: string[];
} {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const classNames: string[] = [];
  const features: number[] = [];
  const labels: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells.length !== 5) throw new Error(`bad row: ${line}`);
    for (const c of cells.slice(0, 4)) {
      const v = Number(c);
      if (!Number.isFinite(v)) throw new Error(`bad number ${c} in ${line}`);
      features.push(v);
    }
    if (!classNames.includes(cells[4])) classNames.push(cells[4]);
    labels.push(classNames.indexOf(cells[4]));
  }
  return { features, labels, featureNames: header.slice(0, 4), classNames };
}
