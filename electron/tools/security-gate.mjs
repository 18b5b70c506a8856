// `npm run test:security`: runs Doyensec Electronegativity over the main-process source and
// fails on any finding of severity MEDIUM or higher. Electronegativity itself always exits 0,
// so the gate reads its reports instead.
//
// Usage: node electron/tools/security-gate.mjs [directory]   (default: electron)
//
// No single Electronegativity output is complete on its own, so the gate combines three:
//  - CSV is the only report that carries severities. Its writer starts the header write and
//    the rows write without waiting for either, and now and then the header lands on top of
//    the rows (seen here about one run in ten), so the CSV is parsed strictly.
//  - SARIF is written in one piece. The CSV must list the same findings, or it is rescanned.
//  - The console report (no -o) is the only place files that failed to parse are named. The
//    reports silently skip such a file, so a parse error fails the gate.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(import.meta.url);
const failingSeverities = new Set(['MEDIUM', 'HIGH']);
// Electronegativity rates an explicit `nodeIntegration: true` INFORMATIONAL (it only escalates
// when it also sees remote content). Cloudshelf never turns Node on in a renderer, so these
// fail the gate whatever their severity.
const alwaysBlockingChecks = new Set(['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK']);
const knownSeverities = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);
const csvHeader = 'issue, severity, confidence, filename, location, sample, description, url';
const reportAttempts = 3;

/** Thrown to stop the gate; reported (after the temp dir is removed) at the top level. */
class GateFailure extends Error {}

function fail(message) {
  throw new GateFailure(message);
}

function electronegativityCli() {
  const packageJson = require.resolve('@doyensec/electronegativity/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin.electronegativity;
  return path.join(path.dirname(packageJson), relative);
}

/** Runs the CLI with this node (portable, no .cmd shims) and collects its output. */
function runScan(cli, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: projectDir,
      // LANG pins the English messages the parse-error check reads; no colour codes.
      env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`Electronegativity exited with ${code}:\n${output}`));
    });
  });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readCsvFindings(text) {
  const newline = text.indexOf('\n');
  const header = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  if (header !== csvHeader) throw new Error('the CSV report does not start with its header');
  return parseCsv(text.slice(newline + 1)).map((fields, index) => {
    const [id, severity, confidence, file, location, , description] = fields;
    const line = Number((location ?? '').split(':')[0]);
    if (fields.length !== 8 || !knownSeverities.has(severity) || !Number.isInteger(line)) {
      throw new Error(`CSV row ${index + 1} is malformed`);
    }
    return { id, severity, confidence, file, line, description };
  });
}

function readSarifFindings(text) {
  const results = JSON.parse(text).runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('the SARIF report has no results array');
  return results.map((result) => ({
    id: result.ruleId,
    line: result.locations?.[0]?.physicalLocation?.region?.startLine,
  }));
}

/** Both reports must list the same findings (SARIF writes line 0 as 1). */
function assertSameFindings(csv, sarif) {
  const key = ({ id, line }) => `${id}@${Math.max(1, line)}`;
  const a = csv.map(key).sort();
  const b = sarif.map(key).sort();
  if (a.length !== b.length || a.some((value, index) => value !== b[index])) {
    throw new Error(`the CSV lists ${a.length} finding(s) and the SARIF ${b.length}`);
  }
}

/** Scans until the CSV and SARIF reports are readable and agree. */
async function scanFindings(cli, common, workDir) {
  let lastProblem = '';
  for (let attempt = 1; attempt <= reportAttempts; attempt += 1) {
    const csvPath = path.join(workDir, `findings-${attempt}.csv`);
    const sarifPath = path.join(workDir, `findings-${attempt}.sarif`);
    await Promise.all([
      runScan(cli, [...common, '-o', csvPath]),
      runScan(cli, [...common, '-o', sarifPath]),
    ]);
    try {
      const csv = readCsvFindings(await readFile(csvPath, 'utf8'));
      assertSameFindings(csv, readSarifFindings(await readFile(sarifPath, 'utf8')));
      return csv;
    } catch (error) {
      lastProblem = error.message;
      console.log(`security gate: report unreadable (${lastProblem}); scanning again`);
    }
  }
  fail(`no readable Electronegativity report after ${reportAttempts} scans (${lastProblem}).`);
}

const input = path.resolve(projectDir, process.argv[2] ?? 'electron');
const electronPackage = require.resolve('electron/package.json', { paths: [projectDir] });
const electronVersion = JSON.parse(readFileSync(electronPackage, 'utf8')).version;
const cli = electronegativityCli();
// -r: paths relative to the input; -e: the scanned folder has no package.json to read it from.
const common = ['-i', input, '-r', '-e', electronVersion];

console.log(
  `security gate: Electronegativity over ${path.relative(projectDir, input) || '.'} (Electron ${electronVersion})`,
);
const workDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-electronegativity-'));
try {
  const [findings, consoleOutput] = await Promise.all([
    scanFindings(cli, common, workDir),
    runScan(cli, common),
  ]);
  const parseErrors = consoleOutput
    .split(/\r?\n/)
    .filter((line) => line.startsWith('Error parsing '))
    .map((line) => line.slice('Error parsing '.length));

  for (const finding of findings) {
    const where =
      finding.file === 'N/A'
        ? '(whole application)'
        : `${path.relative(projectDir, path.join(input, finding.file))}:${finding.line}`;
    console.log(
      `  ${finding.severity.padEnd(13)} ${finding.id}  ${where}  [${finding.confidence}] ${finding.description}`,
    );
  }
  for (const error of parseErrors) console.log(`  PARSE ERROR   ${error}`);

  const blocking = findings.filter(
    (finding) => failingSeverities.has(finding.severity) || alwaysBlockingChecks.has(finding.id),
  );
  if (blocking.length > 0 || parseErrors.length > 0) {
    fail(
      `${blocking.length} blocking finding(s) (MEDIUM or higher, or Node integration), ${parseErrors.length} file(s) not parsed. ` +
        'Fix them; a reviewed false positive may be suppressed on its line with `// eng-disable CHECK_ID -- reason`.',
    );
  }
  console.log(`security gate: passed (${findings.length} finding(s), none MEDIUM or higher).`);
} catch (error) {
  // A scanner crash fails the gate as well: no report means nothing was checked.
  const reason = error instanceof GateFailure ? error.message : error.stack;
  console.error(`security gate: FAILED: ${reason}`);
  process.exitCode = 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
