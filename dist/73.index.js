export const id = 73;
export const ids = [73,705];
export const modules = {

/***/ 3560:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ isHelmError),
/* harmony export */   t: () => (/* binding */ HelmError)
/* harmony export */ });
// Typed failures of a Helm render, so that the scanner can turn each into a finding at the HelmChart
// CR (a missing dependency, a chart Helm refuses) or into a notice (no usable helm binary).
class HelmError extends Error {
    code;
    stderr;
    name = 'HelmError';
    constructor(code, message, 
    /** Helm's own error output, trimmed, when Helm ran. */
    stderr = '') {
        super(message);
        this.code = code;
        this.stderr = stderr;
    }
}
function isHelmError(e, code) {
    return e instanceof HelmError && (code === undefined || e.code === code);
}


/***/ }),

/***/ 8705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ helmVersion),
/* harmony export */   locateHelm: () => (/* binding */ locateHelm)
/* harmony export */ });
/* unused harmony export parseHelmMajor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3560);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5538);
// Finds the helm binary to render with: the `--helm PATH` option (CLI) or `helm` input (action) when
// given, else `helm` on PATH; and checks that it is Helm 3.x or 4.x, which both render KOTS charts
// the way pkg/base/helm_v4.go does (Helm 4's client-only dry run is Helm 3's DryRun+ClientOnly).





/** The helm binary to use, or null when there is none (the caller keeps its approximation).
 *  An explicit helmPath that does not run, or any helm of another major version, is an error. */
async function locateHelm(opts = {}) {
    if (opts.helmPath !== undefined && opts.helmPath !== '') {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(opts.helmPath)
            ? opts.helmPath
            : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(opts.cwd ?? process.cwd(), opts.helmPath);
        if (!(await isExecutable(path))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmError */ .t('helm-not-found', `--helm ${opts.helmPath}: no executable file at ${path}`);
        }
        return helmVersion(path);
    }
    const found = await findOnPath('helm', opts.pathEnv ?? process.env.PATH ?? '');
    return found === null ? null : helmVersion(found);
}
/** Runs `helm version` on `path` and checks the major version. */
async function helmVersion(path) {
    // `--template '{{.Version}}'` prints the bare version on both Helm 3 and Helm 4.
    const r = await (0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runBounded */ .B)(path, ['version', '--template', '{{.Version}}'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/' },
        timeoutMs: 30_000,
        maxOutputBytes: 4096,
    });
    if (r.spawnError !== null || r.exitCode !== 0) {
        const why = r.spawnError?.message ?? (r.stderr.trim() || `exit ${String(r.exitCode ?? r.signal)}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmError */ .t('helm-not-found', `${path}: 'helm version' failed: ${why}`, r.stderr.trim());
    }
    const version = r.stdout.trim();
    const major = parseHelmMajor(version);
    if (major === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmError */ .t('helm-unsupported-version', `${path}: Helm ${version || '(no version)'} is not supported: use Helm 3.x or 4.x`);
    }
    return { path, version, major };
}
/** 3 or 4 from a version such as `v3.21.2` or `v4.1.4+g1234`, else null. */
function parseHelmMajor(version) {
    const m = /^v?(\d+)\.\d+/.exec(version);
    if (m?.[1] === '3')
        return 3;
    if (m?.[1] === '4')
        return 4;
    return null;
}
async function findOnPath(name, pathEnv) {
    for (const dir of pathEnv.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name));
        if (await isExecutable(candidate))
            return candidate;
    }
    return null;
}
async function isExecutable(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 5538:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ runBounded)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
// Runs a program with an argument array (no shell), bounded in time and output size. On either
// bound the whole process group is killed, so that a plugin or child process Helm started dies too.

/** stderr is kept to this size at most: enough for Helm's error, never a flood. */
const MAX_STDERR_BYTES = 64 * 1024;
function runBounded(file, args, opts) {
    return new Promise((resolve) => {
        const out = [];
        const err = [];
        let outBytes = 0;
        let errBytes = 0;
        let stopped = null;
        let spawnError = null;
        // detached: the child leads its own process group, which kill(-pid) ends as a whole.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], {
            cwd: opts.cwd,
            env: opts.env,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
        });
        const stop = (why) => {
            if (stopped !== null)
                return;
            stopped = why;
            killGroup(child.pid);
        };
        const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
        child.stdout.on('data', (chunk) => {
            if (stopped !== null)
                return;
            const room = opts.maxOutputBytes - outBytes;
            if (chunk.length > room) {
                if (room > 0)
                    out.push(chunk.subarray(0, room));
                outBytes = opts.maxOutputBytes;
                stop('output-too-large');
                return;
            }
            out.push(chunk);
            outBytes += chunk.length;
        });
        child.stderr.on('data', (chunk) => {
            const room = MAX_STDERR_BYTES - errBytes;
            if (room <= 0)
                return;
            const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
            err.push(part);
            errBytes += part.length;
        });
        child.on('error', (e) => {
            spawnError = e;
        });
        child.on('close', (exitCode, signal) => {
            clearTimeout(timer);
            resolve({
                exitCode,
                signal,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                stopped,
                spawnError,
            });
        });
    });
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // The group is already gone: nothing left to stop.
    }
}


/***/ }),

/***/ 6073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 3 modules
var dist = __webpack_require__(6128);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/util.js
var util = __webpack_require__(40);
;// CONCATENATED MODULE: ./.build/scan/helm/chart-meta.js
// Chart.yaml and requirements.yaml (Helm v1 charts) metadata: text in, data out.


/** Chart.yaml: `name` and `version` are required (Helm refuses a chart without them). */
function parseChartYaml(text) {
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text);
    const [firstError] = doc.errors;
    if (firstError)
        return { error: `invalid YAML (${(0,util/* firstLine */.TM)(firstError.message)})` };
    // Versions as written: `version: 1.10` must still match a CR's chartVersion "1.10".
    const written = (key) => {
        const v = doc.get(key, true);
        return (0,yaml_dist/* isScalar */.jn)(v) && typeof v.value === 'number' && v.range
            ? text.slice(v.range[0], v.range[1])
            : scalarString(v);
    };
    const name = scalarString(doc.get('name'));
    const version = written('version');
    if (!name)
        return { error: 'Chart.yaml has no name' };
    if (!version)
        return { error: 'Chart.yaml has no version' };
    const meta = { name, version, dependencies: depsFrom(doc.get('dependencies')) };
    const appVersion = written('appVersion');
    if (appVersion)
        meta.appVersion = appVersion;
    return meta;
}
function parseDeps(text) {
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text);
    return doc.errors.length > 0 ? [] : depsFrom(doc.get('dependencies'));
}
function depsFrom(node) {
    if (!(0,yaml_dist/* isSeq */.oP)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if (!(0,yaml_dist/* isMap */.jh)(item))
            continue;
        const name = scalarString(item.get('name'));
        if (!name)
            continue;
        const dep = { name };
        const alias = scalarString(item.get('alias'));
        if (alias)
            dep.alias = alias;
        const condition = scalarString(item.get('condition'));
        if (condition)
            dep.condition = condition;
        out.push(dep);
    }
    return out;
}
/** A scalar's value as Helm would print it (`version: 1.10` is the number 1.1, as in Helm). */
function scalarString(v) {
    const value = (0,yaml_dist/* isScalar */.jn)(v) ? v.value : v;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
;// CONCATENATED MODULE: ./.build/scan/helm/pack.js
// A chart directory packaged as `helm package` would ship it: a gzipped tar whose entries all sit under
// `<chart name>/`, here with sorted entries, fixed mtimes and no owner data so that the same directory
// always gives the same bytes. The version overrides of a `.replicated` `charts:` entry (the Replicated
// CLI's chartVersion / appVersion, replicatedhq/replicated pkg/tools/types.go) are written into
// Chart.yaml before packing, as the Replicated CLI does when it packages the chart. Pure: files in,
// bytes out.




const EPOCH = new Date(0);
/** Chart.yaml with `version` / `appVersion` replaced; comments and the rest kept as written. */
function overrideChartYaml(text, overrides) {
    if (!overrides.chartVersion && !overrides.appVersion)
        return text;
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text);
    if (overrides.chartVersion)
        doc.set('version', overrides.chartVersion);
    if (overrides.appVersion)
        doc.set('appVersion', overrides.appVersion);
    return doc.toString();
}
/** The `.tgz` bytes: each of `files` (paths relative to the chart directory, `/`-separated) under
 *  `<root>/`, in code-unit order. */
function packChart(root, files) {
    const blocks = [];
    for (const rel of [...files.keys()].sort(util/* compareText */.n6)) {
        const data = Buffer.from(files.get(rel) ?? new Uint8Array());
        const path = `${root}/${rel}`;
        const fields = { path, mode: 0o644, size: data.length, mtime: EPOCH, type: 'File' };
        const header = new index_min/* Header */.Y9(fields);
        // A path longer than the ustar fields hold goes into a pax header before the entry, as tar does.
        if (header.encode())
            blocks.push(new index_min/* Pax */.un(fields).encode());
        if (header.block)
            blocks.push(header.block);
        blocks.push(data);
        const pad = (512 - (data.length % 512)) % 512;
        if (pad)
            blocks.push(Buffer.alloc(pad));
    }
    blocks.push(Buffer.alloc(1024));
    return (0,external_node_zlib_.gzipSync)(Buffer.concat(blocks));
}

// EXTERNAL MODULE: ./.build/finding.js
var finding = __webpack_require__(7387);
// EXTERNAL MODULE: ./.build/model.js
var model = __webpack_require__(6995);
;// CONCATENATED MODULE: ./.build/scan/walk.js





/** Directory entries one run may walk. Far above any release the Replicated CLI would upload, and low
 *  enough that symlinks fanning out to the same directories cannot buy an unbounded walk. */
const MAX_WALK_ENTRIES = 100_000;
function isManifestName(name) {
    return name.endsWith('.yaml') || name.endsWith('.yml');
}
function isChartArchiveName(name) {
    return name.endsWith('.tgz');
}
function pathSkipped(file, message) {
    return (0,finding/* finding */.g)('path-skipped', { file, line: 1, column: 1 }, message);
}
async function walkRelease(paths, cwd) {
    const files = new Set();
    const archives = new Set();
    const findings = [];
    const rel = (abs) => external_node_path_.relative(cwd, abs).split(external_node_path_.sep).join('/');
    let walked = 0;
    let stopped = false;
    let current = '';
    async function walkDir(dir, dirReal, root, ancestors) {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (e) {
            findings.push(pathSkipped(rel(dir), `cannot read directory: ${(0,util/* firstErrorLine */.hf)(e)}`));
            return;
        }
        entries.sort((a, b) => (0,util/* compareText */.n6)(a.name, b.name));
        for (const ent of entries) {
            if (stopped)
                return;
            if (++walked > MAX_WALK_ENTRIES) {
                stopped = true;
                findings.push(pathSkipped(current, `not all read: the release tree holds more than ${MAX_WALK_ENTRIES} entries (symlinks included)`));
                return;
            }
            if (ent.name.startsWith('.'))
                continue;
            const full = external_node_path_.join(dir, ent.name);
            if (ent.isDirectory()) {
                const real = external_node_path_.join(dirReal, ent.name);
                await walkDir(full, real, root, [...ancestors, real]);
            }
            else if (ent.isFile()) {
                if (isManifestName(ent.name))
                    files.add(rel(full));
                else if (isChartArchiveName(ent.name))
                    archives.add(rel(full));
            }
            else if (ent.isSymbolicLink()) {
                await followLink(full, ent.name, root, ancestors);
            }
        }
    }
    async function followLink(full, name, root, ancestors) {
        let target;
        let st;
        try {
            target = await (0,promises_.realpath)(full);
            st = await (0,promises_.stat)(target);
        }
        catch {
            findings.push(pathSkipped(rel(full), 'broken symlink'));
            return;
        }
        if (target !== root && !target.startsWith(root + external_node_path_.sep)) {
            findings.push(pathSkipped(rel(full), 'symlink points outside the release tree'));
            return;
        }
        if (st.isDirectory()) {
            if (ancestors.includes(target)) {
                findings.push(pathSkipped(rel(full), 'symlink loop: points back to a directory being walked'));
                return;
            }
            await walkDir(full, target, root, [...ancestors, target]);
        }
        else if (st.isFile() && isManifestName(name)) {
            files.add(rel(full));
        }
        else if (st.isFile() && isChartArchiveName(name)) {
            archives.add(rel(full));
        }
    }
    for (const p of paths) {
        current = p;
        const abs = external_node_path_.resolve(cwd, p);
        let st;
        try {
            st = await (0,promises_.stat)(abs);
        }
        catch (e) {
            const code = (0,util/* errorCode */.CA)(e);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                throw new model/* UsageError */.e(`manifest path not found: ${p}`);
            throw new model/* UsageError */.e(`cannot read manifest path ${p}: ${(0,util/* firstErrorLine */.hf)(e)}`);
        }
        if (st.isDirectory()) {
            const root = await (0,promises_.realpath)(abs);
            await walkDir(abs, root, root, [root]);
        }
        else if (st.isFile()) {
            if (!isManifestName(abs))
                throw new model/* UsageError */.e(`manifest path ${p} is not a .yaml or .yml file`);
            files.add(rel(abs));
        }
        else {
            throw new model/* UsageError */.e(`manifest path ${p} is not a file or directory`);
        }
    }
    const sorted = (set) => [...set].sort(util/* compareText */.n6);
    return { files: sorted(files), archives: sorted(archives), findings };
}

// EXTERNAL MODULE: ./.build/fs/inside.js
var inside = __webpack_require__(5838);
;// CONCATENATED MODULE: ./.build/fs/chart-dirs.js









/** Bytes a chart directory may hold in all, like the archive reader's uncompressed limit. */
const MAX_CHART_BYTES = 50 * 1024 * 1024;
/** Bytes all chart directories of a run may hold together: each is read into memory before the
 *  archive budget sees it, so many directories under the per-directory cap could still fill the heap. */
const MAX_ALL_CHARTS_BYTES = 128 * 1024 * 1024;
/** Entries (files and directories) one chart directory may hold, like the archive reader's entry limit:
 *  symlinks that fan out to the same directories multiply the paths walked without adding bytes. */
const MAX_CHART_ENTRIES = 10_000;
async function packageChartDirs(charts, cwd, root) {
    const realRoot = await (0,promises_.realpath)(external_node_path_.resolve(cwd, root)).catch(() => external_node_path_.resolve(cwd, root));
    const rel = (abs) => external_node_path_.relative(cwd, abs).split(external_node_path_.sep).join('/') || '.';
    const out = [];
    const findings = [];
    const seen = new Set();
    const all = { bytes: 0 };
    for (const entry of charts) {
        const pattern = entry.path.replace(/\\/g, '/');
        const dynamic = (0,dist/* isDynamicPattern */.ey)(pattern);
        const fixed = external_node_path_.resolve(cwd, dynamic ? fixedPart(pattern) : pattern);
        const fixedReal = await (0,promises_.realpath)(fixed).catch(() => fixed);
        if (!(0,inside/* isInside */.F)(fixedReal, realRoot)) {
            findings.push(pathSkipped(entry.path, `chart path ${entry.path} resolves outside the workspace root, so it was not read`));
            continue;
        }
        const dirs = dynamic
            ? (await (0,dist/* glob */.TI)(pattern, {
                cwd,
                onlyDirectories: true,
                absolute: true,
                expandDirectories: false,
                // A symlink met while globbing could lead the listing outside the root; matches are checked too.
                followSymbolicLinks: false,
                dot: false,
            }))
                .map((d) => external_node_path_.resolve(d))
                .sort()
            : [fixed];
        let found = 0;
        let refused = 0;
        for (const dir of dirs) {
            const real = await (0,promises_.realpath)(dir).catch(() => undefined);
            if (real === undefined) {
                findings.push(pathSkipped(entry.path, `chart path ${entry.path} not found`));
                continue;
            }
            if (!(0,inside/* isInside */.F)(real, realRoot)) {
                refused++;
                findings.push(pathSkipped(rel(dir), `chart directory ${rel(dir)} resolves outside the workspace root, so it was not read`));
                continue;
            }
            const isChart = await (0,promises_.stat)(external_node_path_.join(real, 'Chart.yaml')).then((s) => s.isFile(), () => false);
            if (!isChart) {
                // A glob such as `./charts/*` may match directories that are not charts; a path named exactly is meant to be one.
                if (!dynamic)
                    findings.push(pathSkipped(rel(dir), `chart path ${rel(dir)} holds no Chart.yaml`));
                continue;
            }
            found++;
            if (seen.has(real))
                continue;
            seen.add(real);
            const packaged = await packageDir(rel(dir), real, entry, findings, all);
            if (packaged)
                out.push(packaged);
        }
        if (dynamic && found === 0 && refused === 0)
            findings.push(pathSkipped(entry.path, `chart path ${entry.path} matches no directory with a Chart.yaml`));
    }
    return { charts: out, findings };
}
async function packageDir(dir, real, overrides, findings, all) {
    const files = new Map();
    let total = 0;
    let count = 0;
    // Real directories on the way down: a link to one of them loops, even through a sibling.
    const walk = async (abs, relDir, ancestors) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(abs, { withFileTypes: true });
        }
        catch (e) {
            findings.push(pathSkipped(`${dir}/${relDir}`, `cannot read directory: ${(0,util/* errorMessage */.gJ)(e)}`));
            return false;
        }
        for (const ent of entries) {
            const inner = relDir ? `${relDir}/${ent.name}` : ent.name;
            const full = external_node_path_.join(abs, ent.name);
            if (ent.name === '.git')
                continue;
            if (++count > MAX_CHART_ENTRIES) {
                findings.push(pathSkipped(dir, `chart directory holds more than ${MAX_CHART_ENTRIES} entries`));
                return false;
            }
            let target = full;
            if (ent.isSymbolicLink()) {
                const resolved = await (0,promises_.realpath)(full).catch(() => undefined);
                if (resolved === undefined || !(0,inside/* isInside */.F)(resolved, real)) {
                    findings.push(pathSkipped(`${dir}/${inner}`, 'symlink points outside the chart directory'));
                    continue;
                }
                target = resolved;
            }
            const st = await (0,promises_.stat)(target);
            if (st.isDirectory()) {
                if (ancestors.includes(target)) {
                    findings.push(pathSkipped(`${dir}/${inner}`, 'symlink loop: points back to a directory being walked'));
                    continue;
                }
                if (!(await walk(target, inner, [...ancestors, target])))
                    return false;
            }
            else if (st.isFile()) {
                total += st.size;
                if (total > MAX_CHART_BYTES) {
                    findings.push(pathSkipped(dir, `chart directory holds more than ${MAX_CHART_BYTES} bytes`));
                    return false;
                }
                if (all.bytes + total > MAX_ALL_CHARTS_BYTES) {
                    findings.push(pathSkipped(dir, `not read: the chart directories together hold more than ${MAX_ALL_CHARTS_BYTES} bytes`));
                    return false;
                }
                files.set(inner, await (0,promises_.readFile)(target));
            }
        }
        return true;
    };
    if (!(await walk(real, '', [real])))
        return undefined;
    all.bytes += total;
    const chartYaml = files.get('Chart.yaml');
    const text = overrideChartYaml(Buffer.from(chartYaml ?? new Uint8Array()).toString('utf8'), overrides);
    const meta = parseChartYaml(text);
    if ('error' in meta) {
        findings.push(pathSkipped(`${dir}/Chart.yaml`, `not a readable Chart.yaml: ${meta.error}`));
        return undefined;
    }
    files.set('Chart.yaml', Buffer.from(text, 'utf8'));
    return { dir, name: meta.name, bytes: packChart(meta.name, files) };
}
/** The part of a glob before its first wildcard segment, absolute when the glob is: `./charts/*` →
 *  `./charts`, `/srv/*` → `/srv`, `*` → `.`. */
function fixedPart(pattern) {
    const fixed = [];
    for (const part of pattern.split('/')) {
        if ((0,dist/* isDynamicPattern */.ey)(part))
            break;
        fixed.push(part);
    }
    const joined = fixed.join('/');
    return joined === '' ? (pattern.startsWith('/') ? '/' : '.') : joined;
}
/** Writes each packaged chart as `<name>.tgz` into a fresh temp directory, for Helm to render exactly
 *  the chart KOTS receives (version overrides included). `dispose` removes the directory. */
async function stageChartArchives(charts) {
    const paths = new Map();
    if (charts.length === 0)
        return { paths, dispose: async () => { } };
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'kots-proxy-charts-'));
    for (const [i, c] of charts.entries()) {
        const file = external_node_path_.join(dir, `${i}-${c.name}.tgz`);
        await (0,promises_.writeFile)(file, c.bytes);
        paths.set(c.dir, file);
    }
    return { paths, dispose: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}

// EXTERNAL MODULE: ./.build/helm/errors.js
var errors = __webpack_require__(3560);
// EXTERNAL MODULE: ./.build/helm/locate.js
var locate = __webpack_require__(8705);
;// CONCATENATED MODULE: ./.build/helm/manifests.js
// Splits `helm template` output into its documents, each with the template it came from. Helm
// prints `---` and `# Source: <chart>/templates/<file>` before every document; a document with no
// Source line keeps the previous one, as pkg/base/helm_v4.go (replicatedhq/kots) does.


class ManifestParseError extends Error {
    source;
    line;
    name = 'ManifestParseError';
    constructor(source, line, message) {
        super(`${source || '(rendered output)'} (output line ${line}): ${message}`);
        this.source = source;
        this.line = line;
    }
}
const SEPARATOR = /^---(?:\s.*)?$/;
const SOURCE = /^#\s*Source:\s*(.+?)\s*$/m;
/** The non-empty documents of `output`, in order. Throws ManifestParseError on YAML Helm should
 *  never print (Helm itself parses every document it sorts). */
function parseRenderedManifests(output) {
    const lines = output.split(/\r?\n/);
    const chunks = [];
    let start = 0;
    let current = [];
    lines.forEach((l, i) => {
        if (SEPARATOR.test(l)) {
            chunks.push({ line: start + 1, text: current.join('\n') });
            current = [];
            start = i + 1;
        }
        else {
            current.push(l);
        }
    });
    chunks.push({ line: start + 1, text: current.join('\n') });
    const out = [];
    let source = '';
    for (const chunk of chunks) {
        const m = SOURCE.exec(chunk.text);
        if (m?.[1] !== undefined)
            source = m[1];
        let text = chunk.text;
        let doc = (0,yaml_dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
        if (doc.errors.length > 0) {
            // Go's YAML reader (which Helm and KOTS use) accepts flow collections whose continuation lines
            // sit at their key's indentation, as Istio's RBAC templates print them; the yaml package
            // does not. Indenting those lines further changes no value.
            const lenient = indentFlowContinuations(text);
            const again = lenient === text ? doc : (0,yaml_dist/* parseDocument */.Tp)(lenient, { uniqueKeys: false });
            if (again.errors.length === 0) {
                text = lenient;
                doc = again;
            }
        }
        const firstError = doc.errors[0];
        if (firstError !== undefined) {
            const errLine = chunk.line + (firstError.linePos?.[0].line ?? 1) - 1;
            throw new ManifestParseError(source, errLine, (0,util/* firstLine */.TM)(firstError.message));
        }
        const object = doc.toJS({ maxAliasCount: 1000 });
        if (object === null || object === undefined)
            continue;
        out.push({ source, index: out.length, line: chunk.line, text, object });
    }
    return out;
}
/** Lines inside a flow collection left open on an earlier line get indented past that line's key. */
function indentFlowContinuations(text) {
    let depth = 0;
    let need = 0;
    return text
        .split('\n')
        .map((line) => {
        let out = line;
        if (depth > 0) {
            const indent = line.length - line.trimStart().length;
            if (indent < need && line.trim() !== '')
                out = ' '.repeat(need - indent) + line;
        }
        else {
            const key = /^(\s*(?:-\s+)*)/.exec(line)?.[1]?.length ?? 0;
            need = key + 1;
        }
        depth = Math.max(0, depth + flowDelta(line));
        return out;
    })
        .join('\n');
}
/** Open minus closed flow brackets on a line, outside quotes and comments. */
function flowDelta(line) {
    let d = 0;
    let quote = '';
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote !== '') {
            if (ch === '\\' && quote === '"')
                i++;
            else if (ch === quote)
                quote = '';
            continue;
        }
        if (ch === '"' || ch === "'")
            quote = ch;
        else if (ch === '#' && (i === 0 || line[i - 1] === ' '))
            break;
        else if (ch === '[' || ch === '{')
            d++;
        else if (ch === ']' || ch === '}')
            d--;
    }
    return d;
}

// EXTERNAL MODULE: ./.build/helm/run.js
var run = __webpack_require__(5538);
;// CONCATENATED MODULE: ./.build/helm/render.js
// Renders one chart with the real `helm template`, the way KOTS renders it (pkg/base/helm_v4.go in
// replicatedhq/kots): an install (not an upgrade), client-only, with the release name, the namespace
// and the CR's values; hooks and test hooks kept (the install's hooks), CRDs included (KOTS appends
// CRDObjects()), Helm's default capabilities (no --kube-version: KOTS sets none).
// Helm runs with a fresh HOME and Helm directories, no repositories, no plugins, a proxy that
// refuses every connection and no --dependency-update, so that it cannot fetch anything: a
// dependency missing from charts/ is a 'missing-dependency' HelmError.







/** pkg/base/helm_helpers.go: the namespace KOTS renders with when the CR names none. */
const KOTS_NAMESPACE_TEMPLATE = 'repl{{ Namespace}}';
const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
/** Renders `opts.chart`; throws HelmError (missing-dependency, timeout, output-too-large,
 *  render-failed, bad-values, helm-not-found) or ManifestParseError. */
async function renderChart(opts) {
    const helm = typeof opts.helm === 'string' ? await (0,locate/* helmVersion */.R)(opts.helm) : opts.helm;
    const shown = opts.display ?? opts.chart;
    const home = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'kots-proxy-helm-'));
    try {
        // The release name and namespace come from the pull request's HelmChart CR: every flag is written
        // `--flag=value` and the positional arguments follow `--`, so a name such as
        // `--post-renderer=/bin/sh` stays a name (Helm then refuses it) instead of becoming a flag.
        const args = ['template', `--namespace=${opts.namespace ?? KOTS_NAMESPACE_TEMPLATE}`, '--include-crds'];
        for (const f of opts.valuesFiles ?? [])
            args.push(`--values=${f}`);
        if (opts.values !== undefined) {
            const file = (0,external_node_path_.join)(home, 'values.json');
            await (0,promises_.writeFile)(file, valuesJson(opts.values));
            args.push(`--values=${file}`);
        }
        args.push('--', opts.releaseName, opts.chart);
        const started = performance.now();
        const r = await (0,run/* runBounded */.B)(helm.path, args, {
            env: isolatedEnv(home),
            cwd: home,
            timeoutMs: opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
            maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
        });
        const elapsedMs = performance.now() - started;
        // Helm names the chart by the path it was given; messages name it as `shown`.
        const stderr = r.stderr.trim().split(opts.chart).join(shown);
        if (r.spawnError !== null) {
            throw new errors/* HelmError */.t('helm-not-found', `${helm.path}: ${r.spawnError.message}`);
        }
        if (r.stopped === 'timeout') {
            throw new errors/* HelmError */.t('timeout', `helm template ${shown}: stopped after ${opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS} ms`, stderr);
        }
        if (r.stopped === 'output-too-large') {
            const max = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
            throw new errors/* HelmError */.t('output-too-large', `helm template ${shown}: output passed ${max} bytes`, stderr);
        }
        if (r.exitCode !== 0)
            throw renderFailure(shown, stderr, r.exitCode, r.signal);
        return {
            manifests: parseRenderedManifests(r.stdout),
            output: r.stdout,
            warnings: stderr,
            helm,
            elapsedMs,
        };
    }
    finally {
        await (0,promises_.rm)(home, { recursive: true, force: true });
    }
}
/** Helm's message for a dependency that charts/ lacks (Helm 3 and 4, action.CheckDependencies). */
const MISSING_DEPENDENCY = /found in Chart\.yaml, but missing in charts\/ directory: ([^\n]+)/;
function renderFailure(chart, stderr, code, signal) {
    const message = stderr.replace(/^Error: /, '') || `exit ${String(code ?? signal)}`;
    const missing = MISSING_DEPENDENCY.exec(stderr);
    if (missing?.[1] !== undefined) {
        return new errors/* HelmError */.t('missing-dependency', `${chart}: Chart.yaml needs ${missing[1].trim()}, which charts/ does not vendor (run helm dependency build before packaging)`, stderr);
    }
    return new errors/* HelmError */.t('render-failed', `helm template ${chart}: ${message}`, stderr);
}
function valuesJson(values) {
    try {
        return JSON.stringify(values);
    }
    catch (e) {
        throw new errors/* HelmError */.t('bad-values', `values cannot be written for Helm: ${e instanceof Error ? e.message : String(e)}`);
    }
}
/** A Helm that sees no user configuration and cannot reach the network. */
function isolatedEnv(home) {
    // Port 9 (discard) on loopback refuses connections: anything Helm tried to fetch fails at once.
    const deadProxy = 'http://127.0.0.1:9';
    return {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        XDG_CACHE_HOME: (0,external_node_path_.join)(home, 'cache'),
        XDG_CONFIG_HOME: (0,external_node_path_.join)(home, 'config'),
        XDG_DATA_HOME: (0,external_node_path_.join)(home, 'data'),
        HELM_CACHE_HOME: (0,external_node_path_.join)(home, 'cache', 'helm'),
        HELM_CONFIG_HOME: (0,external_node_path_.join)(home, 'config', 'helm'),
        HELM_DATA_HOME: (0,external_node_path_.join)(home, 'data', 'helm'),
        HELM_PLUGINS: (0,external_node_path_.join)(home, 'plugins'),
        HELM_REGISTRY_CONFIG: (0,external_node_path_.join)(home, 'registry.json'),
        HELM_REPOSITORY_CONFIG: (0,external_node_path_.join)(home, 'repositories.yaml'),
        HELM_REPOSITORY_CACHE: (0,external_node_path_.join)(home, 'repository'),
        KUBECONFIG: (0,external_node_path_.join)(home, 'kubeconfig'),
        HTTP_PROXY: deadProxy,
        HTTPS_PROXY: deadProxy,
        http_proxy: deadProxy,
        https_proxy: deadProxy,
        NO_PROXY: '',
        no_proxy: '',
    };
}

;// CONCATENATED MODULE: ./.build/helm/values-merge.js
// The values KOTS passes to Helm for a HelmChart CR: `values`, then each `optionalValues` entry whose
// `when` parses as true, merged recursively when `recursiveMerge` is set and else replacing top-level
// keys (pkg/base/replicated.go and pkg/apparchive/helm-v1beta2.go in replicatedhq/kots; the merge is
// MergeHelmChartValues in replicatedhq/kotskinds apis/kots/v1beta2/helmchart_types.go).
class ChartValuesError extends Error {
    specPath;
    name = 'ChartValuesError';
    constructor(
    /** Where in the CR's spec, e.g. `optionalValues[1].when`. */
    specPath, message) {
        super(`spec.${specPath}: ${message}`);
        this.specPath = specPath;
    }
}
const identity = (s) => s;
/** The values KOTS renders the chart with. Throws ChartValuesError where KOTS fails the chart. */
function kotsChartValues(spec, renderString = identity) {
    let merged = isMap(spec.values) ? renderLeaves(spec.values, renderString) : {};
    const optional = Array.isArray(spec.optionalValues) ? spec.optionalValues : [];
    optional.forEach((entry, i) => {
        if (!isMap(entry))
            throw new ChartValuesError(`optionalValues[${i}]`, 'expected a mapping');
        const e = entry;
        // KOTS runs strconv.ParseBool on the rendered `when` and fails the chart when it does not parse.
        const when = parseGoBool(renderScalar(e.when, renderString));
        if (when === null) {
            throw new ChartValuesError(`optionalValues[${i}].when`, `'${String(e.when)}' is not a boolean (true, false, 1, 0, t, f, TRUE, FALSE, True, False)`);
        }
        if (!when)
            return;
        const values = isMap(e.values) ? renderLeaves(e.values, renderString) : {};
        const recursive = e.recursiveMerge === undefined ? false : parseGoBool(renderScalar(e.recursiveMerge, renderString));
        if (recursive === null) {
            throw new ChartValuesError(`optionalValues[${i}].recursiveMerge`, `'${String(e.recursiveMerge)}' is not a boolean`);
        }
        merged = recursive ? mergeHelmChartValues(merged, values) : { ...merged, ...values };
    });
    return merged;
}
/** kotskinds' MergeHelmChartValues: overlay wins, except that where the base holds a mapping the
 *  two are merged key by key, and an overlay that is not a mapping leaves that base mapping as it
 *  is (the merge reads the overlay's children, which a scalar or list does not have). */
function mergeHelmChartValues(base, overlay) {
    const result = {};
    for (const [k, b] of Object.entries(base)) {
        if (!(k in overlay))
            result[k] = b;
        else if (!isMap(b))
            result[k] = overlay[k];
        else {
            const o = overlay[k];
            result[k] = mergeHelmChartValues(b, isMap(o) ? o : {});
        }
    }
    for (const [k, o] of Object.entries(overlay))
        if (!(k in base))
            result[k] = o;
    return result;
}
/** Go's strconv.ParseBool; null where Go returns an error. Booleans pass through. */
function parseGoBool(v) {
    if (typeof v === 'boolean')
        return v;
    if (typeof v !== 'string')
        return null;
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v))
        return false;
    return null;
}
function renderScalar(v, render) {
    return typeof v === 'string' ? render(v) : v;
}
function renderLeaves(v, render) {
    const walk = (x) => {
        if (typeof x === 'string')
            return render(x);
        if (Array.isArray(x))
            return x.map(walk);
        if (isMap(x))
            return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
        return x;
    };
    return walk(v);
}
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./.build/helm/markers.js
// Marked values for tracing: every string leaf of the values Helm sees gets a unique marker put in
// front of it (`kpx00042` + the original text), so that a second render shows which value paths
// produced each character of an image string. Keeping the original text after the marker lets
// templates that split or test the value (`splitList ":"`, `hasPrefix`) still work.

const MARKER_DIGITS = 5;
const CANDIDATE_PREFIXES = ['kpx', 'kpq', 'kqz', 'zqk', 'qxk', 'xqz'];
/** The first marker prefix that no haystack (values, chart output) already contains followed by
 *  digits, so that a marker found in the output can only be ours. */
function chooseMarkerPrefix(haystacks) {
    for (const p of CANDIDATE_PREFIXES) {
        const re = new RegExp(`${p}\\d{${MARKER_DIGITS}}`, 'i');
        if (!haystacks.some((h) => re.test(h)))
            return p;
    }
    return null;
}
/** Merges the layers as Helm coalesces them (mappings merge, anything else replaces, null removes
 *  the default) and marks each string leaf with the origin of the layer that set it. */
function markValues(layers, prefix, 
/** Marks only the string leaves this accepts (all when omitted). */
only) {
    const root = new Map();
    /** The map under `key`, created (over a leaf too) when there is none. */
    const subtree = (tree, key) => {
        const sub = tree.get(key);
        if (sub instanceof Map)
            return sub;
        const created = new Map();
        tree.set(key, created);
        return created;
    };
    const place = (tree, key, v, origin) => {
        // A null stays a null leaf: passed to Helm it removes the chart's default, as in the plain
        // render (dropping the key would bring the default back).
        if (isMap(v)) {
            const sub = subtree(tree, key);
            for (const [k, x] of Object.entries(v))
                place(sub, k, x, origin);
            return;
        }
        tree.set(key, { value: v, origin });
    };
    for (const layer of layers) {
        let tree = root;
        for (const seg of layer.at)
            tree = subtree(tree, String(seg));
        for (const [k, v] of Object.entries(layer.values))
            place(tree, k, v, layer.origin);
    }
    const leaves = new Map();
    const mark = (value, path, origin) => {
        // An empty string stays empty: `default` and `if` treat it as unset, and a marker would change
        // what the chart renders (`.Values.image.tag | default .Chart.AppVersion`).
        if (typeof value === 'string' && value !== '' && (only === undefined || only(path, value))) {
            const marker = `${prefix}${String(leaves.size + 1).padStart(MARKER_DIGITS, '0')}`;
            leaves.set(marker, { marker, path, origin, original: value });
            return marker + value;
        }
        if (Array.isArray(value))
            return value.map((x, i) => mark(x, [...path, i], origin));
        if (isMap(value))
            return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, mark(x, [...path, k], origin)]));
        return value;
    };
    const build = (tree, path) => {
        const out = {};
        for (const [k, node] of tree) {
            out[k] = node instanceof Map ? build(node, [...path, k]) : mark(node.value, [...path, k], node.origin);
        }
        return out;
    };
    return { prefix, values: build(root, []), leaves };
}
/** The narrower marking tried when marking every string changed what the chart rendered: only the
 *  values an image could be built from (a key naming an image part, or a value shaped like a
 *  reference or a version), so that switches such as `mode: standalone` stay as they were. */
function imageLikeLeaf(path, value) {
    const key = [...path].reverse().find((s) => typeof s === 'string') ?? '';
    if (/image|registry|repo|hub|tag|digest|version|name|prefix|suffix|host/i.test(key))
        return true;
    return /^[\w.-]+(:\d+)?\/[\w./-]+/.test(value) || /^v?\d+\.\d+/.test(value) || /^sha256:/.test(value);
}
/** The narrowest marking: only the values an image's name is built from, never a tag or a version,
 *  for charts that compare the tag as a version (`semverCompare ">=0.9.0" .Values.image.tag`). The
 *  name is then traced and the tag is left as the chart printed it. */
function nameLikeLeaf(path, value) {
    const key = [...path].reverse().find((s) => typeof s === 'string') ?? '';
    if (/tag|digest|version/i.test(key) || /^v?\d+\.\d+/.test(value) || /^sha256:/.test(value))
        return false;
    return /image|registry|repo|hub|name|prefix|host/i.test(key) || /^[\w.-]+(:\d+)?\/[\w./-]+/.test(value);
}
/** `global.hub`, `images[0].name`, `a["odd.key"]`. */
function formatValuePath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/helm/trace.js
// Traces strings of a plain render back to the value paths that produced them, by comparing them
// with the same strings in a render made with marked values (see markers.ts). A string is traced
// only when removing the markers from its marked twin gives the plain string exactly; anything else
// (a value transformed by `upper`, `trunc`, a hash, a chart that branches on the value) is untraced
// with a reason, never guessed.


/** Traces `plain` against its marked twin. */
function traceString(plain, marked, leaves, prefix) {
    const re = new RegExp(`${prefix}\\d{${MARKER_DIGITS}}`, 'g');
    let clean = '';
    let last = 0;
    const found = [];
    for (const m of marked.matchAll(re)) {
        const leaf = leaves.get(m[0]);
        if (leaf === undefined)
            return { status: 'untraced', reason: `unknown marker ${m[0]}` };
        clean += marked.slice(last, m.index);
        found.push({ leaf, at: clean.length });
        last = m.index + m[0].length;
    }
    clean += marked.slice(last);
    if (clean !== plain) {
        return { status: 'untraced', reason: `the marked render gave '${clean}' instead of '${plain}'` };
    }
    const contributions = found.map(({ leaf, at }) => {
        const verbatim = plain.startsWith(leaf.original, at);
        return {
            path: leaf.path,
            pathText: formatValuePath(leaf.path),
            origin: leaf.origin,
            start: at,
            end: verbatim ? at + leaf.original.length : at,
            verbatim,
        };
    });
    return { status: 'traced', contributions, literals: gaps(plain.length, contributions) };
}
/** Traces an image string and says which reference part each value produced. */
function trace_traceImage(plain, marked, leaves, prefix) {
    const t = traceString(plain, marked, leaves, prefix);
    if (t.status === 'untraced')
        return t;
    const parts = imageParts(plain);
    const partsByContribution = t.contributions.map((c) => Object.keys(parts).filter((p) => {
        const r = parts[p];
        return r !== null && overlaps(c.start, c.end, r[0], r[1]);
    }));
    const first = t.contributions.find((c) => c.start === 0 && c.end > 0) ?? null;
    return { ...t, parts, partsByContribution, repositoryPath: first };
}
/** Ranges of the parts of an image reference (distribution/reference's shape: a first component
 *  with a dot or colon, or `localhost`, is a registry). */
function imageParts(image) {
    const at = image.indexOf('@');
    const nameEnd = at >= 0 ? at : image.length;
    const digest = at >= 0 ? [at + 1, image.length] : null;
    const lastSlash = image.lastIndexOf('/', nameEnd);
    const colon = image.indexOf(':', lastSlash + 1);
    const tag = colon >= 0 && colon < nameEnd ? [colon + 1, nameEnd] : null;
    const repoEnd = tag !== null ? colon : nameEnd;
    const firstSlash = image.indexOf('/');
    const head = firstSlash >= 0 && firstSlash < repoEnd ? image.slice(0, firstSlash) : '';
    const hasRegistry = head !== '' && (head.includes('.') || head.includes(':') || head === 'localhost');
    return {
        registry: hasRegistry ? [0, firstSlash] : null,
        repository: [hasRegistry ? firstSlash + 1 : 0, repoEnd],
        tag,
        digest,
    };
}
/** The marked render must have the same documents from the same templates as the plain one;
 *  otherwise the markers changed what the chart rendered and nothing is traced. */
function alignManifests(plain, marked) {
    if (plain.length !== marked.length) {
        return {
            status: 'untraced',
            reason: `the marked render has ${marked.length} documents, the plain one ${plain.length}`,
        };
    }
    for (let i = 0; i < plain.length; i++) {
        const p = plain[i];
        const m = marked[i];
        if (p === undefined || m === undefined)
            continue;
        if (p.source !== m.source || kindOf(p.object) !== kindOf(m.object)) {
            return {
                status: 'untraced',
                reason: `document ${i + 1} is ${kindOf(m.object)} from ${m.source} in the marked render, ${kindOf(p.object)} from ${p.source} in the plain one`,
            };
        }
    }
    return { status: 'aligned' };
}
/** The value at `path` inside a parsed document, or undefined. */
function trace_valueAt(root, path) {
    let cur = root;
    for (const seg of path) {
        if (typeof seg === 'number')
            cur = Array.isArray(cur) ? cur[seg] : undefined;
        else
            cur = isMap(cur) ? cur[seg] : undefined;
        if (cur === undefined)
            return undefined;
    }
    return cur;
}
function kindOf(o) {
    const r = typeof o === 'object' && o !== null ? o : {};
    return `${String(r.apiVersion ?? '?')}/${String(r.kind ?? '?')}`;
}
function overlaps(a0, a1, b0, b1) {
    return a0 < b1 && b0 < a1;
}
function gaps(length, cs) {
    const covered = new Array(length).fill(false);
    for (const c of cs)
        for (let i = c.start; i < c.end; i++)
            covered[i] = true;
    const out = [];
    let i = 0;
    while (i < length) {
        if (covered[i]) {
            i++;
            continue;
        }
        const s = i;
        while (i < length && !covered[i])
            i++;
        out.push([s, i]);
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/helm/traced-render.js
// A render plus the marked render that traces its images to values (markers.ts, trace.ts). The
// plain render is the truth; the marked one only explains it. When marking every string changes
// what the chart renders (it validates or branches on a value), a narrower marking of image-like
// values is tried; when that fails too, the chart is untraced with the reason.





/** Renders the chart (errors as renderChart) and traces it (never throws for tracing). */
async function renderChartTraced(opts) {
    const layers = [...opts.defaults, { origin: 'cr', at: [], values: opts.values ?? {} }];
    const prefix = chooseMarkerPrefix([JSON.stringify(layers.map((l) => l.values))]);
    const markedOpts = (values) => ({
        ...opts,
        values,
        // Markers lengthen every marked string.
        maxOutputBytes: opts.maxOutputBytes === undefined ? undefined : opts.maxOutputBytes * 2,
    });
    const all = prefix === null ? null : markValues(layers, prefix);
    const [plain, markedAll] = await Promise.all([
        renderChart(opts),
        all === null ? Promise.resolve(null) : attempt(renderChart(markedOpts(all.values))),
    ]);
    if (prefix === null || all === null) {
        return { ...plain, trace: { status: 'untraced', reason: 'the values already hold every marker prefix' } };
    }
    // The output may hold the prefix by itself (a chart literal); markers would then be ambiguous.
    if (new RegExp(`${prefix}\\d{${MARKER_DIGITS}}`, 'i').test(plain.output)) {
        return {
            ...plain,
            trace: { status: 'untraced', reason: `the chart itself prints ${prefix}NNNNN strings` },
        };
    }
    const traced = (marking, m, marked, fallbackReason) => ({
        ...plain,
        trace: {
            status: 'traced',
            marking,
            prefix,
            leaves: m.leaves,
            marked: marked.manifests,
            ...(fallbackReason === undefined ? {} : { fallbackReason }),
        },
    });
    const first = check(plain, markedAll);
    if ('marked' in first)
        return traced('all-strings', all, first.marked);
    const renderMarked = async (m) => check(plain, await attempt(renderChart(markedOpts(m.values))));
    const narrow = markValues(layers, prefix, imageLikeLeaf);
    const second = await renderMarked(narrow);
    if ('marked' in second)
        return traced('image-like', narrow, second.marked, first.reason);
    const bothReasons = `${first.reason}; ${second.reason}`;
    // Charts that compare the tag as a version: mark only what names the image.
    const names = markValues(layers, prefix, nameLikeLeaf);
    const third = await renderMarked(names);
    if ('marked' in third)
        return traced('names', names, third.marked, bothReasons);
    // Bitnami charts refuse images that differ from their Chart.yaml `images` annotation unless
    // `global.security.allowInsecureImages` is set (common.errors.insecureImages): a chart that
    // declares that switch gets it in the marked render only, where every image differs by design.
    if (layers.some((l) => declaresInsecureSwitch(l))) {
        const allow = {
            origin: 'cr',
            at: [],
            values: { global: { security: { allowInsecureImages: true } } },
        };
        const lenient = markValues([...layers, allow], prefix, imageLikeLeaf);
        const fourth = await renderMarked(lenient);
        if ('marked' in fourth)
            return traced('image-like', lenient, fourth.marked, bothReasons);
    }
    return {
        ...plain,
        trace: {
            status: 'untraced',
            reason: `marked render: ${first.reason}; image-like marked render: ${second.reason}`,
        },
    };
}
function declaresInsecureSwitch(layer) {
    const g = trace_valueAt(layer.values, ['global', 'security']);
    return typeof g === 'object' && g !== null && 'allowInsecureImages' in g;
}
/** Traces the image string at `at` in the plain render. */
function traceImageAt(result, at) {
    if (result.trace.status === 'untraced')
        return result.trace;
    const plainDoc = result.manifests[at.index];
    const markedDoc = result.trace.marked[at.index];
    const plain = plainDoc === undefined ? undefined : valueAt(plainDoc.object, at.path);
    const marked = markedDoc === undefined ? undefined : valueAt(markedDoc.object, at.path);
    if (typeof plain !== 'string')
        return { status: 'untraced', reason: 'no string at that location in the render' };
    if (typeof marked !== 'string')
        return { status: 'untraced', reason: 'the marked render has no string there' };
    return traceImage(plain, marked, result.trace.leaves, result.trace.prefix);
}
async function attempt(p) {
    try {
        return await p;
    }
    catch (e) {
        return (0,util/* asError */.zR)(e);
    }
}
/** The marked render when it lines up with the plain one, else why it does not. */
function check(plain, marked) {
    if (marked === null)
        return { reason: 'not run' };
    if (marked instanceof Error)
        return {
            reason: (0,errors/* isHelmError */.h)(marked)
                ? `${marked.code}: ${(0,util/* firstLine */.TM)(marked.message)}`
                : (0,util/* firstLine */.TM)(marked.message),
        };
    const a = alignManifests(plain.manifests, marked.manifests);
    return a.status === 'aligned' ? { marked } : { reason: a.reason };
}

;// CONCATENATED MODULE: ./.build/helm/charts.js
// Renders many charts with the helm binary, a few at a time: each render (plain and marked, see
// traced-render.ts) starts its own helm processes, so the bound keeps a release with many charts
// from starting dozens of them at once. Every job's failure is kept as that job's result. The pull
// request chooses how many HelmChart CRs there are, so all renders share one phase deadline: a render
// is given no more than the time left, and a job not started when it passes fails as a timeout.




const DEFAULT_CHART_CONCURRENCY = 4;
/** Five default render timeouts: room for a release's real charts, a bound on a hostile count. */
const DEFAULT_HELM_PHASE_MS = 5 * DEFAULT_RENDER_TIMEOUT_MS;
/** One result per job, in job order: the traced render, or the error it threw. */
async function renderChartsTraced(jobs, helm, opts = {}) {
    const results = new Array(jobs.length);
    const phaseMs = opts.phaseTimeoutMs ?? DEFAULT_HELM_PHASE_MS;
    const phaseEnd = Date.now() + phaseMs;
    const perRender = opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    await (0,util/* runPool */.kD)(jobs, opts.concurrency ?? DEFAULT_CHART_CONCURRENCY, async (job, i) => {
        const left = phaseEnd - Date.now();
        if (left <= 0) {
            results[i] = new errors/* HelmError */.t('timeout', `helm template ${job.display}: not rendered, the Helm phase reached its time limit of ${Math.round(phaseMs / 1000)} s`);
            return;
        }
        try {
            results[i] = await renderChartTraced({
                chart: job.chart,
                display: job.display,
                releaseName: job.releaseName,
                ...(job.namespace !== undefined ? { namespace: job.namespace } : {}),
                values: job.values,
                defaults: job.defaults,
                helm,
                timeoutMs: Math.min(perRender, left),
                ...(opts.maxOutputBytes !== undefined ? { maxOutputBytes: opts.maxOutputBytes } : {}),
            });
        }
        catch (e) {
            results[i] = (0,util/* asError */.zR)(e);
        }
    });
    return results;
}

;// CONCATENATED MODULE: ./.build/helm/layers.js
// The value layers Helm coalesces for a chart, lowest precedence first: each subchart's values.yaml
// at the key its parent gives it (the dependency's alias, else its name; one layer per alias),
// then the chart's own values.yaml. The caller appends the CR's values as the last layer.
// Takes the chart as already read (the scanner's archive reader gives this shape), so it is pure.



function chartValueLayers(chart, at = []) {
    const layers = [];
    const problems = [];
    for (const sub of chart.subcharts) {
        const deps = chart.dependencies.filter((d) => d.name === sub.name);
        const keys = deps.length === 0 ? [sub.name] : deps.map((d) => d.alias ?? d.name);
        for (const key of keys) {
            const r = chartValueLayers(sub, [...at, key]);
            layers.push(...r.layers);
            problems.push(...r.problems);
        }
    }
    if (chart.values !== undefined) {
        try {
            const v = (0,yaml_dist/* parse */.qg)(chart.values.text, { maxAliasCount: 1000 });
            if (v === null || v === undefined) {
                // An empty values.yaml adds nothing.
            }
            else if (isMap(v))
                layers.push({ origin: chart.values.file, at, values: v });
            else
                problems.push(`${chart.values.file}: not a mapping`);
        }
        catch (e) {
            problems.push(`${chart.values.file}: ${(0,util/* firstErrorLine */.hf)(e)}`);
        }
    }
    return { layers, problems };
}

;// CONCATENATED MODULE: ./.build/helm/index.js
// Helm rendering: the helm binary at the edge (locate, render, traced render) and the pure pieces
// (manifest splitting, the values KOTS passes, value markers and tracing).











// EXTERNAL MODULE: ./.build/reference.js
var reference = __webpack_require__(9243);
;// CONCATENATED MODULE: ./.build/plan/images.js


/** The Replicated registry: KOTS never proxies it, it is already behind the customer license. */
const REPLICATED_REGISTRY = 'registry.replicated.com';
/** Where the generated kustomize overlay rewrites images. KOTS itself rewrites containers and
 *  initContainers, and the images of v1 charts; ephemeralContainers only the overlay rewrites. */
const OVERLAY_REWRITES = new Set([
    'container',
    'initContainer',
    'ephemeralContainer',
]);
function effectiveSettings(options, app) {
    const proxyDomain = options.proxyDomainExplicit || !app?.proxyRegistryDomain ? options.proxyDomain : app.proxyRegistryDomain;
    const registryDomain = options.registryDomain ?? app?.replicatedRegistryDomain;
    return {
        appSlug: options.appSlug,
        proxyDomain,
        ...(registryDomain ? { registryDomain } : {}),
        proxyPublicImages: app?.proxyPublicImages ?? false,
        excluded: new Set(app?.excludedImages ?? []),
    };
}
/** The image string a use names for checking: the literal inside LocalImageName/ReplicatedImageName,
 *  the raw value otherwise; undefined for templates only KOTS can resolve. */
function checkedText(use) {
    if (use.templating.kind === 'dynamic')
        return undefined;
    if (use.templating.kind === 'wrapped')
        return use.templating.literal;
    if (use.templating.kind === 'tag-only')
        return use.templating.repository;
    return use.raw;
}
function groupUses(uses) {
    const byImage = new Map();
    for (const use of uses) {
        let group = byImage.get(use.raw);
        if (!group) {
            group = { image: use.raw, uses: [], dynamic: use.templating.kind === 'dynamic' };
            const text = checkedText(use);
            if (text !== undefined) {
                const parsed = (0,reference/* parseReference */.F2)(text);
                if (parsed.ok)
                    group.ref = parsed.ref;
                else
                    group.invalidReason = parsed.reason;
            }
            byImage.set(use.raw, group);
        }
        group.uses.push(use);
    }
    return [...byImage.values()].sort((a, b) => (0,util/* compareText */.n6)(a.image, b.image));
}
/** Images whose status follows from configuration alone: the proxy and Replicated registries (always
 *  behind license auth), and hosts the user listed. */
function presetStatus(domain, eff, options, hasCredentials) {
    const host = (0,reference/* canonicalRegistryHost */.M7)(domain);
    if (host === (0,reference/* canonicalRegistryHost */.M7)(eff.proxyDomain) || host === REPLICATED_REGISTRY) {
        return {
            status: 'private',
            credentials: 'not-checked',
            reason: `${host} always requires the customer license`,
        };
    }
    if (eff.registryDomain && host === (0,reference/* canonicalRegistryHost */.M7)(eff.registryDomain)) {
        return {
            status: 'private',
            credentials: 'not-checked',
            reason: `${host} is the Replicated registry domain`,
        };
    }
    if (options.publicRegistries.some((h) => (0,reference/* canonicalRegistryHost */.M7)(h) === host)) {
        return { status: 'public', credentials: 'not-checked' };
    }
    if (options.privateRegistries.some((h) => (0,reference/* canonicalRegistryHost */.M7)(h) === host)) {
        return {
            status: 'private',
            credentials: hasCredentials(host) ? 'not-checked' : 'none',
            reason: `${host} is listed with --private-registry`,
        };
    }
    return undefined;
}
/** The registry requests the plan needs: one per distinct normalized reference not settled by configuration. */
function checkTargets(groups, eff, options, hasCredentials) {
    const targets = new Map();
    for (const g of groups) {
        if (!g.ref)
            continue;
        const n = (0,reference/* normalizeReference */.tO)(g.ref);
        if (presetStatus(n.domain, eff, options, hasCredentials))
            continue;
        const key = (0,reference/* normalizedString */.VU)(g.ref);
        if (!targets.has(key)) {
            targets.set(key, {
                key,
                domain: n.domain,
                repository: n.path,
                reference: n.digest ?? n.tag ?? 'latest',
            });
        }
    }
    return [...targets.values()].sort((a, b) => (0,util/* compareText */.n6)(a.key, b.key));
}
/** What KOTS rewrites an image to, or null when it leaves it alone. */
function rewriteTarget(g, verdict, eff, isRewritten) {
    if (!g.ref || g.dynamic)
        return null;
    if (!g.uses.some(isRewritten))
        return null;
    const domain = g.ref.domain ? (0,reference/* canonicalRegistryHost */.M7)(g.ref.domain) : undefined;
    if (domain === REPLICATED_REGISTRY) {
        return eff.registryDomain ? `${eff.registryDomain}/${g.ref.path}` : null;
    }
    if (domain === (0,reference/* canonicalRegistryHost */.M7)(eff.proxyDomain))
        return null;
    if (eff.registryDomain && domain === (0,reference/* canonicalRegistryHost */.M7)(eff.registryDomain))
        return null;
    if (verdict.status === 'public' && !eff.proxyPublicImages)
        return null;
    return (0,reference/* proxyImageName */.J5)(g.ref, eff.proxyDomain, eff.appSlug);
}
/** Resolves every group into a report entry. Offline or unchecked images are `unknown`, and KOTS,
 *  which proxies whatever it cannot prove public, is assumed to proxy them. */
function resolveImages(groups, verdicts, eff, options, hasCredentials, isRewritten) {
    return groups.map((g) => {
        const locations = g.uses.map((u) => u.pos);
        if (g.dynamic) {
            return { image: g.image, status: 'dynamic', credentials: 'not-checked', proxy: null, locations };
        }
        if (!g.ref) {
            const reason = g.invalidReason ?? 'not an image reference';
            return {
                image: g.image,
                status: 'unknown',
                credentials: 'not-checked',
                proxy: null,
                reason,
                locations,
            };
        }
        const normalized = (0,reference/* normalizedString */.VU)(g.ref);
        // excludedImages is not read at install time (only air-gap bundles skip them): a normal image.
        const verdict = presetStatus((0,reference/* normalizeReference */.tO)(g.ref).domain, eff, options, hasCredentials) ??
            verdicts.get(normalized) ?? {
            status: 'unknown',
            credentials: 'not-checked',
            reason: options.offline ? 'offline: no request made' : 'not checked',
        };
        const entry = {
            image: g.image,
            normalized,
            status: verdict.status,
            credentials: verdict.credentials,
            proxy: rewriteTarget(g, verdict, eff, isRewritten),
            locations,
        };
        const reason = [configReason(g.uses), verdict.reason].filter((r) => r !== undefined).join('; ');
        if (reason !== '')
            entry.reason = reason;
        return entry;
    });
}
/** Says which template actions, rendered with the Config defaults, gave the image its value. */
function configReason(uses) {
    const from = [...new Set(uses.flatMap((u) => u.resolvedFrom ?? []))];
    if (from.length === 0)
        return undefined;
    if (uses.some((u) => u.templating.kind === 'tag-only'))
        return `repository as written; the tag is decided at install by: ${from.join(', ')}`;
    return `from Config defaults: ${from.join(', ')}`;
}
/** Whether a reference already sits on the proxy host: this app's `proxy/<app slug>/…` path, or another
 *  path the proxy serves with the license, such as the Replicated SDK's `library/replicated-sdk-image`.
 *  pkg/docker/registry/images.go MakeProxiedImageURL leaves every such image alone; a `/proxy/` path of
 *  another app is a proxy-reference-mismatch error of its own. */
function isOnProxyHost(ref, eff) {
    return (ref.domain !== undefined && (0,reference/* canonicalRegistryHost */.M7)(ref.domain) === (0,reference/* canonicalRegistryHost */.M7)(eff.proxyDomain));
}

;// CONCATENATED MODULE: ./.build/kots/exclude.js
// Whether KOTS deploys a document, by its `kots.io/exclude` and `kots.io/when` annotations. Mirrors
// replicatedhq/kots pkg/base/base.go `isExcludedByAnnotation`, which runs on the rendered document
// (pkg/base/replicated.go renders templates first) decoded with go.yaml.in/yaml/v2:
// - `kots.io/exclude`, when present, decides alone (`kots.io/when` is then not read);
// - a YAML bool is used as is; a string goes through Go's strconv.ParseBool;
// - any other string, or any other type (a number, null), is an error that fails the whole render
//   ("failed to determine if file … should be included in base"): not a ParseError, so KOTS stops.
/** Until an evaluator is plugged in: literal text is itself, any template is undecidable. */
const literalOnly = (text) => ({ value: text, dynamic: /repl\{\{|\{\{\s*repl/.test(text) });
/** strconv.ParseBool. */
function exclude_parseGoBool(s) {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s))
        return false;
    return undefined;
}
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
/** How yaml.v2 decodes a plain scalar into interface{}: bool, null, number or string. */
function yamlV2Plain(text) {
    if (YAML11_TRUE.has(text))
        return { bool: true };
    if (YAML11_FALSE.has(text))
        return { bool: false };
    if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL')
        return { type: '<nil>' };
    if (/^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0b[01_]+|0[0-7_]+)$/.test(text))
        return { type: 'int' };
    if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text) ||
        /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(text))
        return { type: 'float64' };
    return { string: text };
}
function decideOne(by, src, render) {
    if ('other' in src)
        return { error: `unexpected type in ${shortName(by)} annotation: ${src.other}`, by };
    const rendered = render(src.text);
    if (rendered.dynamic)
        return { undecided: true, by, text: src.text };
    const decoded = src.plain ? yamlV2Plain(rendered.value.trim()) : { string: rendered.value };
    let value;
    if ('bool' in decoded)
        value = decoded.bool;
    else if ('type' in decoded)
        return { error: `unexpected type in ${shortName(by)} annotation: ${decoded.type}`, by };
    else {
        value = exclude_parseGoBool(decoded.string);
        if (value === undefined)
            return { error: `unable to parse ${decoded.string} as bool in ${shortName(by)} annotation`, by };
    }
    const excluded = by === 'kots.io/exclude' ? value : !value;
    return excluded ? { deployed: false, by } : { deployed: true, by };
}
function shortName(by) {
    return by === 'kots.io/exclude' ? 'exclude' : 'when';
}
/** The decision for one document from its two annotations (absent ones undefined). */
function decideDeployed(exclude, when, render = literalOnly) {
    if (exclude !== undefined)
        return decideOne('kots.io/exclude', exclude, render);
    if (when !== undefined)
        return decideOne('kots.io/when', when, render);
    return { deployed: true };
}

;// CONCATENATED MODULE: ./.build/kots/chart-archive.js
// Whether KOTS finds a HelmChart CR's chart archive. Mirrors replicatedhq/kots pkg/base/replicated.go
// `FindHelmChartArchiveInRelease`: an archive matches only when its Chart.yaml `name` equals
// `spec.chart.name` and its `version` equals `spec.chart.chartVersion` exactly (a missing
// chartVersion is "" and matches nothing). With no match KOTS fails the install with
// "unable to find helm chart archive for chart name <n>, version <v>" (renderReplicatedHelmChart for
// v1 charts, pkg/apparchive/helm-v1beta2.go WriteV1Beta2HelmCharts for v2). A chart of either
// version whose `spec.exclude` is true is skipped before the lookup.

function findHelmChartArchive(archives, chartName, chartVersion) {
    return archives.find((a) => a.name === chartName && a.version === (chartVersion ?? ''));
}
/** The error KOTS stops with. */
function missingArchiveMessage(chartName, chartVersion) {
    return `unable to find helm chart archive for chart name ${chartName}, version ${chartVersion ?? ''}`;
}
/** `spec.exclude` when it is a literal Go bool; undefined when absent or templated. */
function literalExclude(exclude) {
    return exclude === undefined ? undefined : exclude_parseGoBool(exclude.trim());
}

;// CONCATENATED MODULE: ./.build/model-scan.js
// What the scanner finds in a release (walk → parse → extract): image uses with their context and
// templating, workloads, documents, the Application and HelmChart CRs, gathered in one ScanResult.
// Plain data, like everything in model.ts.
/** HelmChart CR versions: v1 charts KOTS rewrites itself, v2 charts it installs with their own values. */
const KOTS_API_V1 = 'kots.io/v1beta1';
const KOTS_API_V2 = 'kots.io/v1beta2';

;// CONCATENATED MODULE: ./.build/kots/proxy-name.js
// The proxied name KOTS writes for a private image. Mirrors replicatedhq/kots
// pkg/docker/registry/images.go `MakeProxiedImageURL` and pkg/imageutil/image.go
// `StripImageTagAndDigest`: the text as written, minus tag and digest; an image whose first path
// component is exactly the proxy host is "already proxied" and keeps its name.
/** `StripImageTagAndDigest`: cut `@…` and then `:…` from the last `/`-separated part only. */
function stripTagAndDigest(image) {
    const parts = image.split('/');
    const last = parts[parts.length - 1] ?? '';
    parts[parts.length - 1] = (last.split('@')[0] ?? '').split(':')[0] ?? '';
    return parts.join('/');
}
/** `MakeProxiedImageURL(proxyHost, appSlug, image)`. */
function makeProxiedImageURL(proxyHost, appSlug, image) {
    const untagged = stripTagAndDigest(image);
    if (untagged.split('/')[0] === proxyHost)
        return untagged;
    return `${proxyHost}/proxy/${appSlug}/${untagged}`;
}
/** A reference that names a proxy path that cannot be this app's: `<proxy>/proxy/<other-slug>/…`, or
 *  another Replicated proxy domain's `/proxy/` path. Anything else on the proxy host (the Replicated
 *  SDK's `proxy.replicated.com/library/…`) is left alone by KOTS and is fine. Hosts compare
 *  case-insensitively here: a host differing only in case is still the vendor's mistake to see. */
function proxyMismatchOf(host, path, proxyDomain, appSlug) {
    const proxyPath = /^proxy\/([^/]+)\//.exec(path);
    if (!proxyPath)
        return undefined;
    const h = host.toLowerCase();
    if (h === proxyDomain.toLowerCase()) {
        return proxyPath[1] === appSlug ? undefined : { kind: 'other-slug', slug: proxyPath[1] ?? '' };
    }
    if (/(^|\.)proxy\.replicated\.com$/.test(h))
        return { kind: 'other-proxy-domain', host: h };
    return undefined;
}

;// CONCATENATED MODULE: ./.build/templates.js
/** True when the text contains a KOTS template opener. */
function hasTemplate(text) {
    return text.includes('repl{{') || text.includes('{{repl');
}
// One template, nothing else: opener, optional trim marker, the function, a "literal" or `literal`,
// an optional bool (ReplicatedImageName only, checked below), optional trim marker, closer.
const WRAPPED = /^(?:repl\{\{|\{\{repl)-?\s*(LocalImageName|ReplicatedImageName)\s+(?:"([^"\\]*)"|`([^`]*)`)(?:\s+(true|false))?\s*-?\}\}$/;
/** Classifies an image value as written. */
function classifyTemplating(raw) {
    if (!hasTemplate(raw))
        return { kind: 'none' };
    const m = WRAPPED.exec(raw.trim());
    if (m) {
        const fn = m[1];
        const literal = m[2] ?? m[3] ?? '';
        const boolOk = m[4] === undefined || fn === 'ReplicatedImageName';
        if (boolOk && literal !== '' && !literal.includes('{{'))
            return { kind: 'wrapped', fn, literal };
    }
    return { kind: 'dynamic' };
}
/** Lines that hold only KOTS templates (`repl{{ if … }}`, `{{repl end }}`): YAML reads them at block level. */
const BLOCK_TEMPLATE_LINE = /^[ \t]*(?:repl\{\{|\{\{repl)[^\n]*\}\}[ \t]*\r?$/gm;
/** Replaces every whole-line template in `text` with spaces, keeping every offset and line break. */
function blankBlockTemplates(text) {
    let count = 0;
    BLOCK_TEMPLATE_LINE.lastIndex = 0;
    const out = text.replace(BLOCK_TEMPLATE_LINE, (line) => {
        count++;
        return line.endsWith('\r') ? `${' '.repeat(line.length - 1)}\r` : ' '.repeat(line.length);
    });
    return { text: out, count };
}

;// CONCATENATED MODULE: ./.build/plan/findings.js
// The finding rules (src/rules.ts), applied to resolved images and the scanned release. Pure.







/** Findings that follow from an image's status, at every place the image occurs. */
function statusFindings(g, image, isRewritten, proxyDomain) {
    const out = [];
    const why = image.reason ? ` (${image.reason})` : '';
    const each = (rule, message, uses = g.uses) => {
        for (const u of uses)
            out.push((0,finding/* finding */.g)(rule, u.pos, message));
    };
    if (g.invalidReason !== undefined) {
        each('invalid-image-reference', `"${(0,finding/* shown */.S)(g.image)}" is not a valid image reference: ${g.invalidReason}`);
        return out;
    }
    if (image.status === 'dynamic') {
        each('dynamic-image', `image "${(0,finding/* shown */.S)(g.image)}" is a KOTS template; only KOTS can resolve it at install time`);
        return out;
    }
    // A rewrite to the custom registry domain (registry.replicated.com images) is not the proxy service.
    if (image.proxy?.startsWith(`${proxyDomain}/proxy/`)) {
        each('image-needs-proxy', `KOTS will pull "${(0,finding/* shown */.S)(g.image)}" through ${image.proxy} (status ${image.status})`, 
        // KOTS itself never rewrites ephemeralContainers: image-not-rewritten-by-kots covers those uses.
        g.uses.filter((u) => isRewritten(u) && u.context !== 'ephemeralContainer'));
    }
    switch (image.status) {
        case 'not-found':
            each('image-not-found', `"${(0,finding/* shown */.S)(g.image)}" does not exist${why}`);
            break;
        case 'unreachable':
            each('image-unreachable', `the registry of "${(0,finding/* shown */.S)(g.image)}" could not be reached${why}; KOTS would proxy it`);
            break;
        case 'rate-limited':
            each('rate-limited', `the registry of "${(0,finding/* shown */.S)(g.image)}" kept answering 429${why}`);
            break;
        case 'private':
            // credentials-missing is raised once per registry (kots-findings.ts credentialsMissingOnce).
            if (image.credentials === 'rejected') {
                each('credentials-rejected', `the credentials given for "${(0,finding/* shown */.S)(g.image)}" cannot pull it${why}`);
            }
            break;
        default:
            break;
    }
    return out;
}
/** Findings that depend on where a non-public image is used rather than on its status. */
function placementFindings(g, image, eff, charts) {
    if (!g.ref || image.status === 'public' || image.status === 'dynamic')
        return [];
    const out = [];
    for (const u of g.uses) {
        if (u.context === 'ephemeralContainer' && image.proxy !== null) {
            out.push((0,finding/* finding */.g)('image-not-rewritten-by-kots', u.pos, `KOTS does not rewrite ephemeralContainers, so "${(0,finding/* shown */.S)(g.image)}" will not go through the proxy at install time; the generated overlay rewrites it`));
        }
        if (u.context === 'operator' && u.templating.kind !== 'wrapped') {
            out.push((0,finding/* finding */.g)('operator-image-reference', u.pos, `"${(0,finding/* shown */.S)(g.image)}" is passed to an operator outside any PodSpec, where KOTS cannot rewrite it: write it as '{{repl LocalImageName "${(0,finding/* shown */.S)(g.image)}" }}' and list it in the Application's additionalImages`));
        }
        const chart = u.helmChart === undefined ? undefined : charts[u.helmChart];
        if (chart?.apiVersion === KOTS_API_V2 &&
            u.templating.kind === 'none' &&
            !u.switchedOff &&
            !(g.ref && isOnProxyHost(g.ref, eff))) {
            const message = u.context === 'helm-template'
                ? `chart template ${(0,finding/* shown */.S)(u.pos.file)}:${u.pos.line} of HelmChart v2 "${(0,finding/* shown */.S)(chart.name)}" writes "${(0,finding/* shown */.S)(g.image)}"; no value reaches it, so neither KOTS nor the generated values can route it through the proxy: add a value for it to the chart (then point it at ${eff.proxyDomain}/proxy/${eff.appSlug}/…)`
                : `HelmChart v2 "${(0,finding/* shown */.S)(chart.name)}" sets "${(0,finding/* shown */.S)(g.image)}" directly (${valueOrigin(u)}); KOTS does not rewrite v2 charts, so point it at ${eff.proxyDomain}/proxy/${eff.appSlug}/… or use HasLocalRegistry / LocalRegistryHost (see the generated helmchart-${chart.name}.values.yaml)`;
            out.push((0,finding/* finding */.g)('helm-v2-image-not-proxied', u.pos, message));
        }
    }
    return out;
}
/** Where a v2 chart's image value comes from: a position inside the chart archive (`archive!path`)
 *  is the chart's own default; anything else is written in the HelmChart CR. */
function valueOrigin(u) {
    return u.pos.file.includes('!') ? "the chart's default value" : 'a value set by the HelmChart CR';
}
/** Whether a use in a HelmChart needs the license pull secret: a non-public image, or a template that
 *  routes through the proxy domain or a local registry (both authenticate with KOTS's pull secret). */
function needsPullSecret(use, image, eff) {
    if (image.status === 'public')
        return false;
    if (image.status !== 'dynamic')
        return true;
    return use.raw.includes(eff.proxyDomain) || /\b(LocalRegistry\w*|ReplicatedImage\w*)\b/.test(use.raw);
}
/** An image already on a proxy path for another app slug or another proxy domain. Anything else on
 *  the proxy host is left alone by KOTS (MakeProxiedImageURL) and is fine: the Replicated SDK's
 *  `proxy.replicated.com/library/replicated-sdk-image`. */
function proxyMismatch(g, eff) {
    const ref = g.ref;
    if (!ref?.domain)
        return [];
    const m = proxyMismatchOf((0,reference/* canonicalRegistryHost */.M7)(ref.domain), ref.path, (0,reference/* canonicalRegistryHost */.M7)(eff.proxyDomain), eff.appSlug);
    if (!m)
        return [];
    const problem = m.kind === 'other-slug'
        ? `points at the proxy path of app "${m.slug}", not "${eff.appSlug}"`
        : `points at proxy host ${m.host}, but this app's proxy domain is ${eff.proxyDomain}`;
    return g.uses.map((u) => (0,finding/* finding */.g)('proxy-reference-mismatch', u.pos, `"${(0,finding/* shown */.S)(g.image)}" ${problem}`));
}
/** Workloads and HelmCharts that run proxied images in a namespace KOTS will not copy the pull secret to. */
function namespaceFindings(workloads, charts, proxiedWorkloads, proxiedCharts, app) {
    const listed = new Set(app?.additionalNamespaces ?? []);
    if (listed.has('*'))
        return [];
    const out = [];
    const check = (what, namespace, pos) => {
        if (namespace === undefined || pos === undefined || listed.has(namespace))
            return;
        if (hasTemplate(namespace)) {
            if (!/^\s*(repl\{\{|\{\{repl)\s*Namespace\s*}}\s*$/.test(namespace)) {
                out.push((0,finding/* finding */.g)('dynamic-namespace', pos, `${what} runs proxied images in templated namespace "${(0,finding/* shown */.S)(namespace)}"; make sure the Application's additionalNamespaces covers what it renders to`));
            }
            return;
        }
        out.push((0,finding/* finding */.g)('namespace-not-in-additional-namespaces', pos, `${what} runs proxied images in namespace "${(0,finding/* shown */.S)(namespace)}", which the Application's additionalNamespaces does not list, so KOTS will not create the pull secret there (unless it is the namespace the app is installed into)`));
    };
    for (const i of proxiedWorkloads) {
        const w = workloads[i];
        if (w)
            check(`${(0,finding/* shown */.S)(w.kind)} "${(0,finding/* shown */.S)(w.name)}"`, w.namespace, w.namespacePos);
    }
    for (const i of proxiedCharts) {
        const c = charts[i];
        if (c)
            check(`HelmChart "${(0,finding/* shown */.S)(c.name)}"`, c.namespace, c.namespacePos);
    }
    return out;
}
/** The pull-secret namespaces plus those of HelmCharts in `charts` that the Application lists (KOTS
 *  copies the secret only into listed namespaces; `"*"` lists every one). Sorted, deduplicated. */
function withChartNamespaces(namespaces, scan, charts) {
    const listed = new Set(scan.application?.additionalNamespaces ?? []);
    const out = new Set(namespaces);
    for (const i of charts) {
        const ns = scan.helmCharts[i]?.namespace;
        if (ns && !hasTemplate(ns) && (listed.has(ns) || listed.has('*')))
            out.add(ns);
    }
    return [...out].sort(util/* compareText */.n6);
}
/** v2 charts with non-public images that pass no ImagePullSecretName. */
function pullSecretFindings(charts, privateCharts) {
    const out = [];
    for (const i of privateCharts) {
        const c = charts[i];
        if (c?.apiVersion !== KOTS_API_V2 || c.passesPullSecret)
            continue;
        const message = c.pullSecretValues?.length
            ? `HelmChart v2 "${(0,finding/* shown */.S)(c.name)}" runs private images but passes no '{{repl ImagePullSecretName }}' to the chart's imagePullSecrets value`
            : `HelmChart v2 "${(0,finding/* shown */.S)(c.name)}" runs private images but the chart exposes no pull-secret value (no imagePullSecrets or pullSecrets list in its values or a subchart's), so no values file can give its pods '{{repl ImagePullSecretName }}': the vendor must add such a value to the chart or pass the secret another way`;
        out.push((0,finding/* finding */.g)('helm-v2-missing-pull-secret', c.pos, message));
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/plan/helm-values.js




const PULL_SECRET = '{{repl ImagePullSecretName }}';
function helmValuesFileName(chartName) {
    return `helmchart-${chartName.replace(/[^A-Za-z0-9._-]/g, '_')}.values.yaml`;
}
/** The values files of the run, in chart order, each with a file name no other chart takes. */
function planHelmValues(scan, images, eff) {
    const byImage = new Map(images.map((i) => [i.image, i]));
    const out = [];
    const names = new Set();
    scan.helmCharts.forEach((chart, index) => {
        if (chart.apiVersion !== KOTS_API_V2)
            return;
        const uses = scan.uses.filter((u) => u.helmChart === index);
        const planned = chartValues(chart, uses, byImage, eff);
        if (planned === undefined)
            return;
        let name = helmValuesFileName(chart.name);
        for (let n = 2; names.has(name); n++)
            name = helmValuesFileName(`${chart.name}-${n}`);
        names.add(name);
        out.push({ chart, fileName: name, ...planned });
    });
    return out;
}
/** The values for one chart, or undefined when the chart needs none. */
function chartValues(chart, uses, byImage, eff) {
    const sets = [];
    const setPath = (path, value) => {
        if (path.length)
            sets.push({ path, value });
    };
    const notes = [];
    const host = `{{repl HasLocalRegistry | ternary LocalRegistryHost "${eff.proxyDomain}" }}`;
    /** `{{… LocalRegistryNamespace "proxy/<slug>/<registry>/<path>" }}/<name>` for a reference. */
    const proxied = (raw) => {
        const parsed = (0,reference/* parseReference */.F2)(raw);
        if (!parsed.ok)
            return undefined;
        const full = (0,reference/* proxyImageName */.J5)(parsed.ref, eff.proxyDomain, eff.appSlug).slice(eff.proxyDomain.length + 1);
        const cut = full.lastIndexOf('/');
        const { tag, digest } = parsed.ref;
        return {
            ns: `{{repl HasLocalRegistry | ternary LocalRegistryNamespace "${full.slice(0, cut)}" }}`,
            name: full.slice(cut + 1),
            suffix: `${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
        };
    };
    const valueUses = uses.filter((u) => u.context === 'helm-value' && u.helmValue);
    const rewrite = (u) => {
        const hv = u.helmValue;
        const p = proxied(u.raw);
        if (!hv || !p)
            return;
        if (hv.inList) {
            notes.push(`${at(u)}: "${u.raw}" sits in a list (${hv.path.join('.')}): set the whole list`);
            return;
        }
        if (hv.prefixLength !== undefined) {
            // The value is the name up to its last `/`; the template appends `/<last component>` and the tag.
            setPath(hv.path, `${host}/${p.ns}`);
        }
        else if (hv.repoKey === 'image') {
            setPath(hv.path, `${host}/${p.ns}/${p.name}${p.suffix}`);
        }
        else if (hv.registryPath) {
            setPath(hv.registryPath, host);
            setPath([...hv.path, hv.repoKey], `${p.ns}/${p.name}`);
        }
        else {
            setPath([...hv.path, hv.repoKey], `${host}/${p.ns}/${p.name}`);
        }
    };
    const todo = valueUses.filter((u) => needsRewrite(u, byImage.get(u.raw), eff));
    // Images sharing a rewritten registry value (a global or enclosing imageRegistry) move with it.
    const movedRegistries = new Set(todo.flatMap((u) => (u.helmValue?.registryPath ? [key(u.helmValue.registryPath)] : [])));
    const followers = valueUses.filter((u) => !todo.includes(u) &&
        u.templating.kind === 'none' &&
        movedRegistries.has(key(u.helmValue?.registryPath ?? [])));
    for (const u of [...todo, ...followers])
        rewrite(u);
    // Bitnami charts refuse images other than their own unless this switch is on (common.errors.insecureImages).
    if (sets.length > 0 && chart.insecureImagesSwitch)
        setPath(['global', 'security', 'allowInsecureImages'], 'true');
    for (const u of uses) {
        if (u.context === 'helm-template' && needsRewrite(u, byImage.get(u.raw), eff))
            notes.push(`${at(u)}: "${u.raw}" is written in a chart template; no value can change it`);
    }
    const secretNeeded = !chart.passesPullSecret &&
        uses.some((u) => {
            const image = byImage.get(u.raw);
            return image !== undefined && needsPullSecret(u, image, eff);
        });
    // Only a key the chart's values declare is written: a guessed key would be a value the chart never
    // reads (helm-v2-missing-pull-secret then says the chart exposes none).
    if (secretNeeded) {
        for (const t of chart.pullSecretValues ?? []) {
            const list = t.strings
                ? [...t.names.filter((n) => n !== PULL_SECRET), PULL_SECRET]
                : [...t.names.filter((n) => n !== PULL_SECRET).map((name) => ({ name })), { name: PULL_SECRET }];
            setPath(t.path, list);
        }
    }
    return sets.length ? { sets, notes } : undefined;
}
/** A v2 chart image that no value points through the proxy yet. */
function needsRewrite(u, image, eff) {
    if (!image || u.templating.kind !== 'none' || image.status === 'public' || image.status === 'dynamic')
        return false;
    if (eff.excluded.has(u.raw))
        return false;
    const parsed = (0,reference/* parseReference */.F2)(u.raw);
    return parsed.ok && !isOnProxyHost(parsed.ref, eff);
}
function at(u) {
    return `${u.pos.file}:${u.pos.line}`;
}
function key(path) {
    return path.join('\0');
}

;// CONCATENATED MODULE: ./.build/kots/collectors.js
// Images that preflight and support-bundle collectors run. Mirrors replicatedhq/kots:
// - pkg/kotsutil/kots.go `GetImagesFromKotsKinds` lists, for SupportBundle, Collector and Preflight
//   specs, the image of every `collect.ImageRunner` collector and the containers and initContainers
//   of every `collect.PodSpecRunner` one, skipping templated images (`repl{{`, `{{repl`); those go to
//   the Installation's known images (pkg/midstream/write.go → `UpdateInstallationImages`) with their
//   private check, and to air-gap bundles.
// - pkg/registry/troubleshoot.go `updateCollectorsWithProxyRegistryData` (called by pkg/preflight and
//   pkg/supportbundle when they run) rewrites a collector image that is a known *private* image to
//   the proxy and gives the collector an `imagePullSecret` built from the license; a `runPod`
//   collector always gets that secret.
// Troubleshoot's ImageRunner collectors are `run`, `copyFromHost`, `sysctl` and `collectd`; `runPod`
// is its PodSpecRunner (replicatedhq/troubleshoot pkg/collect/interfaces.go).

/** Collector keys whose `image` field runs a pod. */
const IMAGE_RUNNER_COLLECTORS = ['run', 'copyFromHost', 'sysctl', 'collectd'];
/** Collector keys with a full PodSpec under `podSpec`. */
const POD_SPEC_RUNNER_COLLECTORS = ['runPod'];
/** Kinds whose `spec.collectors` KOTS reads: KotsKinds keeps `troubleshoot.sh/v1beta2` SupportBundle,
 *  Collector and Preflight (pkg/kotsutil/kots.go); the older troubleshoot.replicated.com/v1beta1
 *  kinds are not decoded into them. */
function isCollectorSpec(apiVersion, kind) {
    if (apiVersion !== 'troubleshoot.sh/v1beta2')
        return false;
    return kind === 'Preflight' || kind === 'SupportBundle' || kind === 'Collector';
}
/** `GetImagesFromKotsKinds` keeps only literal images. */
function listedForKnownImages(image) {
    return image !== '' && !image.includes('repl{{') && !image.includes('{{repl');
}
/** The `rewrite` closure of `updateCollectorsWithProxyRegistryData`: images on the Replicated
 *  registry keep their name; others get MakeProxiedImageURL plus the text after the image's last `:`
 *  (meant to be the tag). */
function collectorProxyRewrite(image, proxyHost, registryHost, appSlug) {
    if (image.split('/')[0] === registryHost)
        return image;
    const parts = image.split(':');
    let out = makeProxiedImageURL(proxyHost, appSlug, image);
    if (parts.length > 1)
        out = `${out}:${parts[parts.length - 1]}`;
    return out;
}
/** What a correct rewrite would give: the proxied name with the image's own tag and digest. */
function intendedProxyRewrite(image, proxyHost, appSlug) {
    const name = stripTagAndDigest(image);
    return `${makeProxiedImageURL(proxyHost, appSlug, image)}${image.slice(name.length)}`;
}

;// CONCATENATED MODULE: ./.build/plan/kots-findings.js
// Findings that follow from KOTS's own rules (src/kots/): excludedImages, chart archives, collector
// images, and one credentials-missing per registry. Pure.







/** excludedImages is read only by the air-gap bundle builder; at install KOTS checks, rewrites and
 *  patches these images like any other (no install-path code reads the field). */
function excludedImageNotices(g, eff) {
    if (!eff.excluded.has(g.image))
        return [];
    return g.uses.map((u) => (0,finding/* finding */.g)('excluded-image-still-deployed', u.pos, `"${(0,finding/* shown */.S)(g.image)}" is listed in the Application's excludedImages, which only leaves it out of air-gap bundles; at install KOTS treats it as a normal image (checked, proxied if private, given the pull secret)`));
}
/** HelmChart CRs whose archive KOTS cannot find (only when a release was walked). */
function chartArchiveFindings(scan) {
    const archives = scan.chartArchives;
    if (!archives)
        return [];
    const out = [];
    for (const c of scan.helmCharts) {
        // An excluded chart (v1: renderReplicatedHelmChart, v2: WriteV1Beta2HelmCharts) is not looked
        // up; a templated exclude only the install decides.
        if (c.exclude !== undefined) {
            if (literalExclude(c.exclude) === true || hasTemplate(c.exclude))
                continue;
        }
        if (findHelmChartArchive(archives, c.chartName, c.chartVersion))
            continue;
        const near = archives.filter((a) => a.name === c.chartName).map((a) => a.version);
        const hint = near.length
            ? `; the release has ${(0,finding/* shown */.S)(c.chartName)} ${near.map(finding/* shown */.S).join(', ')}: chartVersion must match Chart.yaml's version exactly`
            : '; add the chart archive (.tgz) to the release';
        out.push((0,finding/* finding */.g)('helm-chart-archive-missing', c.pos, `KOTS fails the install here: ${missingArchiveMessage((0,finding/* shown */.S)(c.chartName), c.chartVersion === undefined ? undefined : (0,finding/* shown */.S)(c.chartVersion))}${hint}`));
    }
    return out;
}
/** Collector images: KOTS rewrites a private literal one when it runs the preflight or support bundle
 *  (pkg/registry/troubleshoot.go), with a broken reference for digests and registry ports. */
function collectorFindings(g, image, eff) {
    const uses = g.uses.filter((u) => u.context === 'collector' && u.templating.kind === 'none');
    if (uses.length === 0 || !g.ref || image.status === 'public' || image.status === 'dynamic')
        return [];
    const registryHost = eff.registryDomain ?? REPLICATED_REGISTRY;
    const got = collectorProxyRewrite(g.image, eff.proxyDomain, registryHost, eff.appSlug);
    const intended = g.image.split('/')[0] === registryHost
        ? g.image
        : intendedProxyRewrite(g.image, eff.proxyDomain, eff.appSlug);
    if (got === intended) {
        return uses.map((u) => (0,finding/* finding */.g)('image-needs-proxy', u.pos, `collector image "${(0,finding/* shown */.S)(g.image)}" (status ${image.status}): KOTS rewrites it to ${(0,finding/* shown */.S)(got)} and adds the license pull secret when it runs the preflight or support bundle`));
    }
    return uses.map((u) => (0,finding/* finding */.g)('collector-image-rewrite-broken', u.pos, `KOTS rewrites collector image "${(0,finding/* shown */.S)(g.image)}" to "${(0,finding/* shown */.S)(got)}" when it runs the preflight or support bundle (it re-appends the text after the last ':' as a tag), which cannot be pulled; write '{{repl LocalImageName "${(0,finding/* shown */.S)(g.image)}" }}' and set the collector's imagePullSecret to '{{repl ImagePullSecretName }}'`));
}
/** One credentials-missing per registry, at its first use, counting images and places. */
function credentialsMissingOnce(entries) {
    const byHost = new Map();
    for (const { g, image } of entries) {
        if (!g.ref || image.status !== 'private' || image.credentials !== 'none')
            continue;
        const host = (0,reference/* canonicalRegistryHost */.M7)((0,reference/* normalizeReference */.tO)(g.ref).domain);
        const e = byHost.get(host) ?? { images: new Set(), uses: [] };
        e.images.add(g.image);
        (0,util/* append */.BC)(e.uses, g.uses);
        byHost.set(host, e);
    }
    const out = [];
    for (const [host, e] of [...byHost].sort((a, b) => (0,util/* compareText */.n6)(a[0], b[0]))) {
        const first = e.uses.map((u) => u.pos).sort(comparePos)[0];
        if (!first)
            continue;
        const n = e.images.size;
        const shownImage = [...e.images].sort(util/* compareText */.n6)[0] ?? '';
        const what = n === 1
            ? `"${(0,finding/* shown */.S)(shownImage)}" is private`
            : `${n} images on ${host} are private (first: "${(0,finding/* shown */.S)(shownImage)}")`;
        out.push((0,finding/* finding */.g)('credentials-missing', first, `${what} and no credentials were given for ${host} (${e.uses.length} place${e.uses.length === 1 ? '' : 's'}); the proxy service needs read-only credentials for it`));
    }
    return out;
}
function comparePos(a, b) {
    return (0,util/* compareText */.n6)(a.file, b.file) || a.line - b.line || a.column - b.column;
}

;// CONCATENATED MODULE: ./.build/kots/kinds.js
// Which documents KOTS reads itself and never deploys. Mirrors replicatedhq/kots
// pkg/kotsutil/kots.go `IsKotsKind`: exact apiVersion matches (not API groups), plus velero's
// Backup and Restore. pkg/base/replicated.go `renderReplicated` drops these documents before
// rendering, so they never reach the base kustomization.
const KOTS_API_VERSIONS = new Set([
    'kots.io/v1beta1',
    'kots.io/v1beta2',
    'troubleshoot.sh/v1beta2',
    'troubleshoot.replicated.com/v1beta1',
    'cluster.kurl.sh/v1beta1',
    'kurl.sh/v1beta1',
    // Embedded Cluster's Config and the app.k8s.io Application are excluded alongside the KOTS kinds.
    'embeddedcluster.replicated.com/v1beta1',
    'app.k8s.io/v1beta1',
]);
function isKotsKind(apiVersion, kind) {
    if (apiVersion === undefined)
        return false;
    if (apiVersion === 'velero.io/v1' && (kind === 'Backup' || kind === 'Restore'))
        return true;
    return KOTS_API_VERSIONS.has(apiVersion);
}

;// CONCATENATED MODULE: ./.build/kots/pull-secrets.js
// Which objects KOTS patches with `imagePullSecrets`, and the secret's name. Mirrors replicatedhq/kots:
// - pkg/base/base.go `FindImages` keeps every object whose `k8sdoc.ListImages` is non-empty;
//   pkg/k8sdoc/types.go `ListImages` lists the containers and initContainers of
//   `spec.template.spec` and `spec.jobTemplate.spec.template.spec` for any kind (a Pod: `spec`),
//   one entry per container, whether or not the image is private (or even set);
// - pkg/midstream/write.go `writeObjectsWithPullSecret` writes a strategic-merge patch per object
//   (`PatchWithPullSecret`: `spec.jobTemplate…` for a CronJob, `spec` for a Pod, else
//   `spec.template.spec`), so existing secrets of built-in kinds are kept (merge key `name`);
// - the secret is always written (`WriteMidstream` → `PullSecretForRegistries`); the license decides
//   what it holds. Its name is `<prefix>-registry` (`SecretNameFromPrefix`), the prefix being the app
//   slug, or `<slug>-<chart dir>` in the own midstream of a v1 chart with `useHelmInstall: true`,
//   written in that chart's namespace (pkg/pull/pull.go: one midstream per helm base).


/** The path KOTS's patch writes `imagePullSecrets` under, by kind. */
function pullSecretPodSpecPath(kind) {
    if (kind === 'Pod')
        return ['spec'];
    if (kind === 'CronJob')
        return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    return ['spec', 'template', 'spec'];
}
/** `FindImages`: the object gets the patch when its pod spec lists at least one container or
 *  initContainer (ListImages has one entry per container, image or not). */
function getsPullSecret(containerCount) {
    return containerCount > 0;
}
/** `SecretNameFromPrefix(prefix)`. */
function secretNameFromPrefix(prefix) {
    return `${prefix}-registry`;
}
/** The directory a v1 chart's base is written to: `charts/<GetDirName()>`, the CR's
 *  `spec.chart.releaseName` when set, else the HelmChart CR's own `metadata.name` (kotskinds v1beta1
 *  HelmChart GetDirName), not the chart's name. */
function helmChartDirName(chart) {
    return chart.releaseName || chart.name;
}
/** The pull secret of the app's common midstream, or of a v1 `useHelmInstall` chart's own midstream
 *  (`namePrefix = <slug>-<filepath.Base(base path)>`). */
function pullSecretName(appSlug, useHelmInstallChart, subBase) {
    if (!useHelmInstallChart)
        return secretNameFromPrefix(appSlug);
    return secretNameFromPrefix(`${appSlug}-${subBase ?? helmChartDirName(useHelmInstallChart)}`);
}
/** The sub-base a useHelmInstall chart's rendered template lands in, by its Helm source path
 *  (`<chart>/charts/<sub>/…/templates/x.yaml`): pkg/base/helm.go writeHelmBase splits `charts/<sub>/…`
 *  into a base per subchart, recursively, and `crds/…` into a `crds` base; pkg/base/replicated.go
 *  extractHelmBases gives each its own midstream, named after the last path element. Undefined: the
 *  chart's own base. */
function helmSubBase(source) {
    const parts = source.split('/').slice(1);
    let base;
    let i = 0;
    while (parts[i] === 'charts' && parts.length - i >= 3) {
        base = parts[i + 1];
        i += 2;
    }
    return parts[i] === 'crds' && parts.length - i >= 2 ? 'crds' : base;
}
/** pkg/pull/pull.go writes one midstream per v1 `useHelmInstall` chart, with the chart's namespace
 *  and a secret named after the chart directory (pkg/midstream/write.go namePrefix). */
function useHelmInstallSecrets(charts, appSlug) {
    const out = new Map();
    for (const c of charts) {
        if (c.apiVersion !== 'kots.io/v1beta1' || !c.useHelmInstall || literalExclude(c.exclude) === true)
            continue;
        const namespace = c.namespace && !hasTemplate(c.namespace) ? c.namespace : undefined;
        // The crds base has no namespace of its own (pkg/base/helm.go writeHelmBase): the app's.
        for (const sub of [undefined, ...(c.subBases ?? [])]) {
            const name = pullSecretName(appSlug, c, sub);
            const ns = sub === 'crds' ? undefined : namespace;
            out.set(`${name}\0${ns ?? ''}`, { name, ...(ns ? { namespace: ns } : {}) });
        }
    }
    return [...out.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.namespace ?? '', b.namespace ?? ''));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./.build/plan/overlay.js
// Which release files the kustomize overlay can take, which documents it must drop, and which
// workloads need an imagePullSecrets patch. Pure.







/** KOTS reads these itself and never deploys them (pkg/kotsutil/kots.go IsKotsKind). */
function isKotsResource(doc) {
    return isKotsKind(doc.apiVersion, doc.kind);
}
/** kustomize's identity of an object: a missing namespace is `default` to it. */
function objectId(doc) {
    const group = doc.apiVersion?.includes('/') ? doc.apiVersion.split('/')[0] : '';
    return `${group}\0${doc.kind}\0${doc.namespace ?? 'default'}\0${doc.name}`;
}
/** Why kustomize would refuse a document, if it would. `ids` holds the objects already accepted,
 *  including the earlier documents of this file. */
function refusal(doc, ids) {
    if (doc.problem)
        return doc.problem;
    if (!doc.apiVersion)
        return 'no apiVersion';
    if (!doc.kind)
        return 'no kind';
    // kustomize expands `kind: List` (and `*List`) documents into their items, which need no name of their own.
    if (/List$/.test(doc.kind))
        return undefined;
    if (!doc.name)
        return 'no metadata.name';
    if (ids.has(objectId(doc)))
        return `a second ${doc.kind} "${doc.name}" (kustomize refuses duplicate objects)`;
    return undefined;
}
/** Which documents of a file KOTS deploys (pkg/base/base.go ShouldBeIncludedInBaseKustomization). */
function leftOut(file, render, seen, findings) {
    const out = new Set();
    const undecidedIds = new Set();
    for (const doc of file.documents) {
        if (isKotsResource(doc)) {
            out.add(doc.docIndex);
            continue;
        }
        const d = decideDeployed(doc.exclude, doc.when, render);
        const pos = (d.by === 'kots.io/exclude' ? doc.exclude?.pos : doc.when?.pos) ?? doc.pos;
        if ('error' in d) {
            findings.push((0,finding/* finding */.g)('invalid-exclude-annotation', pos, `${d.by}: ${d.error}; KOTS fails the whole render on this value (pkg/base/base.go); use "true" or "false"`));
        }
        else if ('undecided' in d) {
            const id = objectId(doc);
            const duplicate = doc.name !== undefined && (seen.has(id) || undecidedIds.has(id));
            findings.push((0,finding/* finding */.g)('dynamic-exclude', pos, `${d.by} "${(0,finding/* shown */.S)(d.text)}" depends on the install, so only KOTS can tell whether ${(0,finding/* shown */.S)(doc.kind ?? 'this document')} "${(0,finding/* shown */.S)(doc.name ?? '')}" is deployed; the preview ${duplicate ? 'leaves it out: an earlier document of the same name is shown instead' : 'shows it'}`));
            if (duplicate)
                out.add(doc.docIndex);
            else
                undecidedIds.add(id);
        }
        else if (!d.deployed) {
            out.add(doc.docIndex);
        }
    }
    return out;
}
/** Documents of a file that repeat an object accepted before (earlier files via `seenApi`, or earlier
 *  documents of this file) with the very same apiVersion: KOTS merges them onto it. */
function mergedDuplicates(docs, seenApi) {
    // This file's own objects on top of the release's, without copying the release's (many files).
    const own = new Map();
    const out = [];
    for (const doc of docs) {
        if (doc.problem || !doc.apiVersion || !doc.kind || !doc.name || /List$/.test(doc.kind))
            continue;
        const id = objectId(doc);
        const first = own.get(id) ?? seenApi.get(id);
        if (first === doc.apiVersion)
            out.push(doc);
        else if (first === undefined)
            own.set(id, doc.apiVersion);
    }
    return out;
}
/** The documents a `$patch: delete` can remove: kustomize must be able to load each of them. */
function deletable(docs, seen, fileIds) {
    const own = new Set();
    const ids = { has: (id) => seen.has(id) || fileIds.has(id) || own.has(id) };
    for (const doc of docs) {
        if (refusal(doc, ids) !== undefined || (doc.kind && /List$/.test(doc.kind)))
            return false;
        own.add(objectId(doc));
    }
    return true;
}
/** The first document of a file that kustomize would refuse, checked against the objects of files
 *  already accepted. */
function firstRefusal(docs, accepted) {
    // This file's own objects are kept apart from `accepted` (never copied): a copy per file made
    // planning quadratic in the number of files.
    const own = new Set();
    const ids = { has: (id) => own.has(id) || accepted.has(id) };
    for (const doc of docs) {
        const why = refusal(doc, ids);
        if (why !== undefined)
            return { doc, why };
        if (doc.kind && !/List$/.test(doc.kind))
            own.add(objectId(doc));
    }
    return undefined;
}
function planOverlay(scan, proxiedWorkloads, appSlug, outDir, render = literalOnly) {
    const secretName = pullSecretName(appSlug);
    const findings = [];
    const resources = [];
    const deletes = [];
    const copies = [];
    const included = new Set();
    const seen = new Set();
    const imagesByFile = new Map();
    for (const u of scan.uses)
        imagesByFile.set(u.pos.file, (imagesByFile.get(u.pos.file) ?? 0) + 1);
    const droppedByFile = new Map();
    const seenApi = new Map();
    const mergePatches = [];
    for (const file of scan.files) {
        const out = leftOut(file, render, seen, findings);
        droppedByFile.set(file.file, out);
        const all = file.documents.filter((d) => !out.has(d.docIndex));
        if (all.length === 0)
            continue;
        // pkg/base/write.go deduplicateOnContent: a later document with the same apiVersion, kind, name
        // and namespace is not a second resource but a strategic-merge patch onto the first.
        const merged = mergedDuplicates(all, seenApi);
        const kept = all.filter((d) => !merged.includes(d));
        const refused = firstRefusal(kept, seen);
        // A parse error already has its yaml-parse-error finding: one error, one finding.
        if (refused && file.documents.some((d) => d.problem?.split('; ').includes('parse error')))
            continue;
        if (refused) {
            const count = imagesByFile.get(file.file) ?? 0;
            findings.push((0,finding/* finding */.g)('overlay-excluded-document', refused.doc.pos, `${file.file} is left out of the generated overlay: document ${refused.doc.docIndex + 1} has ${refused.why}${count ? `; its ${count} image reference(s) are not rewritten by the overlay` : ''}`));
            continue;
        }
        const ids = new Set();
        for (const doc of kept)
            if (doc.kind && !/List$/.test(doc.kind))
                ids.add(objectId(doc));
        const dropped = file.documents.filter((d) => out.has(d.docIndex));
        const copyDir = external_node_path_.posix.join(outDir, 'release');
        const base = file.file.replace(/^(\.\.\/)+/, '');
        // A file with KOTS templates is deployed as KOTS renders it, a v1 chart as Helm renders it: the
        // copy holds that text.
        const rendered = file.rendered ? { rendered: file.rendered } : {};
        for (const doc of merged) {
            const path = external_node_path_.posix.join(copyDir, `${base}.merge-${doc.docIndex + 1}.yaml`);
            copies.push({ source: file.file, path, keep: [doc.span ?? [0, 0]], ...rendered });
            mergePatches.push(path);
            droppedByFile.get(file.file)?.add(doc.docIndex);
        }
        if (file.rendered || merged.length > 0 || (dropped.length > 0 && !deletable(dropped, seen, ids))) {
            // kustomize cannot load the file as it is (templates KOTS renders, a nameless Embedded Cluster
            // Config, a same-named alternative behind `kots.io/when`): reference a copy of what KOTS deploys.
            // A chart's rendered objects exist only in memory: their copy is written where they are named.
            const path = file.rendered?.chart ? file.file : external_node_path_.posix.join(copyDir, base);
            copies.push({ source: file.file, path, keep: kept.map((d) => d.span ?? [0, 0]), ...rendered });
            resources.push(path);
        }
        else {
            resources.push(file.file);
            for (const doc of dropped) {
                if (doc.apiVersion && doc.kind && doc.name) {
                    deletes.push({
                        apiVersion: doc.apiVersion,
                        kind: doc.kind,
                        name: doc.name,
                        ...(doc.namespace ? { namespace: doc.namespace } : {}),
                    });
                }
            }
        }
        included.add(file.file);
        for (const id of ids)
            seen.add(id);
        for (const doc of kept)
            if (doc.apiVersion && doc.name)
                seenApi.set(objectId(doc), doc.apiVersion);
    }
    // pkg/base/base.go FindImages + pkg/midstream/write.go writeObjectsWithPullSecret: every deployed
    // object whose pod spec lists a container gets the pull secret, whatever its images are.
    const patches = [];
    const listed = new Set(scan.application?.additionalNamespaces ?? []);
    // pkg/operator/client/namespaces.go ApplyNamespacesInformer: KOTS copies the pull secrets into every
    // namespace the Application lists, whether or not a workload runs there ("*" means every namespace;
    // the preview shows those its workloads use). A templated entry is KOTS's to resolve.
    const namespaces = new Set([...listed].filter((ns) => ns !== '*' && !hasTemplate(ns)));
    for (const w of scan.workloads) {
        if (!included.has(w.file) || droppedByFile.get(w.file)?.has(w.docIndex))
            continue;
        if (!getsPullSecret(w.containerCount ?? 1))
            continue;
        // A v1 `useHelmInstall` chart's objects get that chart's own secret, made in its namespace.
        const chart = w.helmChart === undefined ? undefined : scan.helmCharts[w.helmChart];
        if (chart?.useHelmInstall) {
            const patch = pullSecretPatch(w, pullSecretName(appSlug, chart, w.helmBase));
            if (patch)
                patches.push(patch);
            continue;
        }
        if (w.namespace && !hasTemplate(w.namespace) && (listed.has(w.namespace) || listed.has('*'))) {
            namespaces.add(w.namespace);
        }
        const patch = pullSecretPatch(w, secretName);
        if (patch)
            patches.push(patch);
    }
    const rewritesEphemeral = scan.uses.some((u) => u.context === 'ephemeralContainer' && u.workload !== undefined && proxiedWorkloads.has(u.workload));
    return {
        resources,
        deletes,
        patches,
        copies,
        mergePatches,
        chartSecrets: useHelmInstallSecrets(scan.helmCharts, appSlug),
        secretNamespaces: [...namespaces].sort(util/* compareText */.n6),
        rewritesEphemeral,
        findings,
    };
}
/** `{{repl ImagePullSecretName }}` renders to `<slug>-registry`. */
const PULL_SECRET_TEMPLATE = /^\s*(repl\{\{|\{\{repl)\s*ImagePullSecretName\s*\}\}\s*$/;
function pullSecretPatch(w, secretName) {
    if (w.imagePullSecrets?.some((n) => n === secretName || PULL_SECRET_TEMPLATE.test(n)))
        return undefined;
    // Items of a `kind: List` become objects of their own in kustomize; the path is relative to the item.
    const podSpec = w.podSpecPath[0] === 'items' ? w.podSpecPath.slice(2) : w.podSpecPath;
    return {
        apiVersion: w.apiVersion,
        kind: w.kind,
        name: w.name,
        ...(w.namespace ? { namespace: w.namespace } : {}),
        path: `/${[...podSpec, 'imagePullSecrets'].map(escapePointer).join('/')}`,
        // `add` on an existing member replaces it, so an empty list is replaced rather than appended to.
        append: (w.imagePullSecrets?.length ?? 0) > 0,
        secretName,
        ...(w.collapsesNameless ? { collapseNameless: true } : {}),
    };
}
function escapePointer(segment) {
    return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

;// CONCATENATED MODULE: ./.build/plan/index.js
// uses + verdicts + settings → Plan: the report's images and findings, and what the overlay must do.
// Pure: no I/O, deterministic ordering everywhere.











/** Images pulled with the license under their own name. */
function licensePulled(g, eff) {
    const host = g.ref?.domain ? (0,reference/* canonicalRegistryHost */.M7)(g.ref.domain) : undefined;
    if (!host)
        return false;
    return (host === REPLICATED_REGISTRY ||
        host === (0,reference/* canonicalRegistryHost */.M7)(eff.proxyDomain) ||
        (eff.registryDomain !== undefined && host === (0,reference/* canonicalRegistryHost */.M7)(eff.registryDomain)));
}
function buildPlan({ scan, verdicts, options, hasCredentials, render = literalOnly, }) {
    const eff = effectiveSettings(options, scan.application);
    const isRewritten = (u) => {
        if (OVERLAY_REWRITES.has(u.context))
            return true;
        if (u.context !== 'helm-value' && u.context !== 'helm-template')
            return false;
        return u.helmChart !== undefined && scan.helmCharts[u.helmChart]?.apiVersion === KOTS_API_V1;
    };
    // Objects the overlay holds: release manifests, and the rendered objects of v1 charts.
    const inOverlay = (u) => OVERLAY_REWRITES.has(u.context) || (u.rendered === true && isRewritten(u));
    const groups = groupUses(scan.uses);
    // `proxy` here is the name the overlay rewrites to, which includes ephemeralContainers; the report's
    // `proxy` below keeps only what KOTS itself rewrites.
    const images = resolveImages(groups, verdicts, eff, options, hasCredentials, isRewritten);
    const findings = [...scan.findings];
    const proxiedWorkloads = new Set();
    const proxiedCharts = new Set();
    const privateCharts = new Set();
    const rewrites = new Map();
    const alternates = [];
    const licenseWorkloads = new Set();
    const credentialEntries = [];
    groups.forEach((g, i) => {
        const image = images[i];
        if (!image)
            return;
        (0,util/* append */.BC)(findings, statusFindings(g, image, isRewritten, eff.proxyDomain));
        (0,util/* append */.BC)(findings, placementFindings(g, image, eff, scan.helmCharts));
        (0,util/* append */.BC)(findings, proxyMismatch(g, eff));
        (0,util/* append */.BC)(findings, excludedImageNotices(g, eff));
        (0,util/* append */.BC)(findings, collectorFindings(g, image, eff));
        credentialEntries.push({ g, image });
        for (const u of g.uses) {
            if (u.helmChart !== undefined && !u.switchedOff && needsPullSecret(u, image, eff)) {
                privateCharts.add(u.helmChart);
            }
            // Images KOTS leaves named as they are but that pull with the license (registry.replicated.com,
            // the custom registry domain, the proxy host): their workloads need the pull secret as well.
            if (u.workload !== undefined &&
                OVERLAY_REWRITES.has(u.context) &&
                image.proxy === null &&
                licensePulled(g, eff)) {
                licenseWorkloads.add(u.workload);
            }
            if (image.proxy === null || !isRewritten(u))
                continue;
            if (u.workload !== undefined)
                proxiedWorkloads.add(u.workload);
            if (u.helmChart !== undefined)
                proxiedCharts.add(u.helmChart);
        }
        // A wrapped template (`LocalImageName "x"`) is resolved by KOTS itself; kustomize never sees "x".
        // A templated tag under a written repository is matched by name, as the overlay's rewrite is.
        if (image.proxy !== null &&
            g.ref &&
            g.uses.some((u) => inOverlay(u) && (u.templating.kind === 'none' || u.templating.kind === 'tag-only'))) {
            if (g.ref?.domain?.startsWith('[')) {
                // kustomize matches `images[].name` as a regular expression, where `[::1]` is a character class.
                for (const u of g.uses.filter(inOverlay)) {
                    findings.push((0,finding/* finding */.g)('overlay-cannot-rewrite', u.pos, `kustomize cannot match the IPv6 registry name of "${g.image}", so the overlay (and KOTS's own kustomize patch) leaves it unchanged; use a DNS name for the registry`));
                }
            }
            else {
                addRewrites(g, image.proxy, rewrites, alternates);
            }
        }
    });
    for (const alt of alternates)
        if (!rewrites.has(alt.name))
            rewrites.set(alt.name, alt.newName);
    (0,util/* append */.BC)(findings, credentialsMissingOnce(credentialEntries));
    (0,util/* append */.BC)(findings, chartArchiveFindings(scan));
    // Charts whose pods pull through the proxy: v1 charts KOTS rewrites, v2 charts that need the pull secret.
    // A chart whose `spec.exclude` is true (as written, or as the Config defaults render it) is not
    // installed (pkg/pull/pull.go skips it), so it needs no pull secret in its namespace.
    const installed = (i) => literalExclude(scan.helmCharts[i]?.exclude) !== true;
    const secretCharts = new Set([
        ...proxiedCharts,
        ...[...privateCharts].filter((i) => scan.helmCharts[i]?.apiVersion === KOTS_API_V2),
    ].filter(installed));
    (0,util/* append */.BC)(findings, namespaceFindings(scan.workloads, scan.helmCharts, new Set([...proxiedWorkloads, ...licenseWorkloads]), 
    // A v1 chart with useHelmInstall gets its own midstream, which writes a pull secret in the
    // chart's namespace (pkg/pull/pull.go, pkg/midstream/write.go).
    new Set([...secretCharts].filter((i) => !scan.helmCharts[i]?.useHelmInstall)), scan.application));
    (0,util/* append */.BC)(findings, pullSecretFindings(scan.helmCharts, privateCharts));
    const overlay = planOverlay(scan, proxiedWorkloads, eff.appSlug, options.outDir, render);
    overlay.secretNamespaces = withChartNamespaces(overlay.secretNamespaces, scan, secretCharts);
    (0,util/* append */.BC)(findings, overlay.findings);
    const kotsRewrites = (u) => isRewritten(u) && u.context !== 'ephemeralContainer';
    const reported = images.map((image, i) => groups[i]?.uses.some(kotsRewrites) ? image : { ...image, proxy: null });
    return {
        effective: eff,
        images: reported,
        // KOTS always writes the pull secret (pkg/midstream/write.go WriteMidstream); the license decides
        // what it holds.
        needsPullSecret: true,
        findings: sortFindings(findings),
        rewrites: [...rewrites]
            .map(([name, newName]) => ({ name, newName }))
            .sort((a, b) => (0,util/* compareText */.n6)(a.name, b.name)),
        overlay,
        // HelmChart v2 charts KOTS leaves alone: the values that route them through the proxy.
        helmValues: planHelmValues(scan, reported, eff),
    };
}
/** The written spelling maps to the proxy name; KOTS's other Docker Hub spellings follow, unless another
 *  image writes that spelling itself (its own entry wins). */
function addRewrites(g, proxy, rewrites, alternates) {
    if (!g.ref)
        return;
    const written = (0,reference/* nameAsWritten */.bN)(g.ref);
    if (!rewrites.has(written))
        rewrites.set(written, proxy);
    for (const name of (0,reference/* dockerHubSpellings */.B1)(g.ref)) {
        if (name !== written)
            alternates.push({ name, newName: proxy });
    }
}
const LEVEL_ORDER = { error: 0, warning: 1, notice: 2 };
function sortFindings(findings) {
    const seen = new Set();
    const unique = findings.filter((f) => {
        const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    return unique.sort((a, b) => (0,util/* compareText */.n6)(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        (0,util/* compareText */.n6)(a.rule, b.rule) ||
        (0,util/* compareText */.n6)(a.message, b.message));
}

// EXTERNAL MODULE: ./.build/generated.js
var generated = __webpack_require__(1275);
;// CONCATENATED MODULE: ./.build/render/filtered-copy.js
// A release file minus the documents KOTS does not deploy (its own kinds, kots.io/exclude and
// kots.io/when): the documents kept, byte for byte, after a generated header. Pure.

/** `text` is the file's text, or its rendering for a `rendered` copy. */
function renderFilteredCopy(copy, text) {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parts = copy.keep.map(([start, end]) => {
        const body = src.slice(start, end).replace(/^---[^\n]*\n?/, '');
        return body.endsWith('\n') ? body : `${body}\n`;
    });
    return [
        generated/* GENERATED_HEADER */.e,
        copy.rendered?.chart
            ? `# The objects Helm renders for HelmChart "${copy.rendered.chart}" (${copy.source.split('/').slice(-1)[0]}), which KOTS deploys through its kustomize base.`
            : copy.rendered
                ? `# ${copy.source} as KOTS renders its templates with the Config defaults, without the documents KOTS does not deploy.`
                : `# ${copy.source} without the documents KOTS does not deploy (KOTS kinds, kots.io/exclude, kots.io/when).`,
        ...parts.map((p) => `---\n${p}`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./.build/render/yaml-scalar.js
// Quoted YAML scalars for generated files, produced by the yaml library so that every string a pull
// request chose (file names, object names, image names) is escaped by the YAML rules, never by hand.

/** Printable ASCII only: no line break, control character, non-ASCII or lone surrogate. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
function quoted(value, type) {
    const scalar = new yaml_dist/* Scalar */.X5(value);
    scalar.type = type;
    // One value stays on one line of the generated file: no folding, and line breaks as escapes (a
    // continuation line would need the indentation of the line it is embedded in).
    return (0,yaml_dist/* stringify */.As)(scalar, { lineWidth: 0, doubleQuotedAsJSON: true }).replace(/\n$/, '');
}
/** A double-quoted scalar. For printable ASCII, what the yaml library writes with
 *  `doubleQuotedAsJSON` is `JSON.stringify(value)` (yaml's stringifyString.js doubleQuotedString),
 *  computed here without a Document per value: a plan writes one per patch field, and building
 *  those was a visible share of a large release's run. */
function doubleQuoted(value) {
    if (PRINTABLE_ASCII.test(value))
        return JSON.stringify(value);
    return quoted(value, yaml_dist/* Scalar */.X5.QUOTE_DOUBLE);
}
/** A single-quoted scalar (no backslash escapes, so `{{ … "x" }}` templates stay readable). */
function singleQuoted(value) {
    // Printable ASCII has no line break to indent or fold (lineWidth 0): yaml's singleQuotedString is
    // then the value between quotes, each `'` doubled.
    if (PRINTABLE_ASCII.test(value))
        return `'${value.replaceAll("'", "''")}'`;
    // Single quotes cannot escape: a line break or control character needs the double-quoted form.
    if (/[\p{Cc}\u2028\u2029\ufeff]/u.test(value))
        return doubleQuoted(value);
    return quoted(value, yaml_dist/* Scalar */.X5.QUOTE_SINGLE);
}

;// CONCATENATED MODULE: ./.build/render/helm-values.js
// Plan → `helmchart-<name>.values.yaml`: the values plan/helm-values.ts decided, written as YAML to
// merge into the HelmChart CR's `spec.values`. Strings are YAML single-quoted: KOTS renders templates
// over the file's text before parsing it, and a `\"` inside `{{ }}` would break the template. Pure and
// deterministic.



function renderHelmValues(plan, outDir) {
    return plan.helmValues.map((v) => ({
        path: external_node_path_.posix.join(outDir, v.fileName),
        content: valuesFile(v, plan.effective.proxyDomain),
    }));
}
function valuesFile({ chart, sets, notes }, proxyDomain) {
    const values = new Map();
    for (const s of sets)
        setPath(values, s.path, s.value);
    const lines = [
        generated/* GENERATED_HEADER */.e,
        `# HelmChart v2 "${chart.name}" (${chart.file}:${chart.pos.line}): merge \`values\` below into its spec.values.`,
        '# KOTS does not rewrite images or inject pull secrets for v2 charts; these values route the images',
        `# through ${proxyDomain} (or the customer's local registry) and pass the license pull secret.`,
        ...notes.map((n) => `# NOTE ${n}`),
        'values:',
        ...renderTree(values, 1),
    ];
    return `${lines.join('\n')}\n`;
}
function setPath(tree, path, value) {
    let node = tree;
    path.slice(0, -1).forEach((k) => {
        const next = node.get(k);
        if (next instanceof Map) {
            node = next;
        }
        else {
            const m = new Map();
            node.set(k, m);
            node = m;
        }
    });
    const last = path[path.length - 1];
    if (last !== undefined)
        node.set(last, value);
}
/** YAML single-quoted scalar: no escapes, so `{{ … "x" }}` reaches KOTS's template engine intact. */
const sq = singleQuoted;
function yamlKey(k) {
    return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : sq(k);
}
function renderTree(tree, depth) {
    const pad = '  '.repeat(depth);
    const out = [];
    for (const [k, v] of tree) {
        if (v instanceof Map) {
            out.push(`${pad}${yamlKey(k)}:`, ...renderTree(v, depth + 1));
        }
        else if (Array.isArray(v)) {
            out.push(`${pad}${yamlKey(k)}:`);
            for (const item of v)
                out.push(`${pad}  - ${typeof item === 'string' ? sq(item) : `name: ${sq(item.name)}`}`);
        }
        else {
            out.push(`${pad}${yamlKey(k)}: ${sq(v)}`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/render/kustomize.js
// Plan → the kustomize overlay files. Pure and deterministic: the same plan gives byte-identical text.
// Every value is double-quoted (YAML 1.1 readers take `y`, `on` or `1.10` as non-strings).



/** Fields where kustomize's default image transformer does not look, but KOTS-style manifests may run
 *  images: ephemeralContainers. */
const EPHEMERAL_FIELD_SPECS = [
    { path: 'spec/ephemeralContainers[]/image', kind: 'Pod' },
    { path: 'spec/template/spec/ephemeralContainers[]/image' },
    { path: 'spec/jobTemplate/spec/template/spec/ephemeralContainers[]/image', kind: 'CronJob' },
];
function renderOverlay(plan, outDir, pullSecretFile) {
    const files = [];
    const lines = [
        generated/* GENERATED_HEADER */.e,
        `# What KOTS will do at install time for app ${doubleQuoted(plan.effective.appSlug)}: route images it cannot pull`,
        `# anonymously through ${plan.effective.proxyDomain} and add the license pull secret to their workloads.`,
        `# Render it with: kubectl kustomize --load-restrictor LoadRestrictionsNone ${outDir}`,
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
    ];
    const resources = plan.overlay.resources.map((f) => external_node_path_.posix.relative(outDir, f));
    if (pullSecretFile)
        resources.push(external_node_path_.posix.relative(outDir, pullSecretFile));
    lines.push(resources.length ? 'resources:' : 'resources: []');
    for (const r of resources)
        lines.push(`  - ${doubleQuoted(r)}`);
    if (plan.overlay.rewritesEphemeral) {
        const configFile = external_node_path_.posix.join(outDir, 'images-config.yaml');
        lines.push('configurations:', `  - ${doubleQuoted('images-config.yaml')}`);
        files.push({ path: configFile, content: renderImageConfig() });
    }
    if (plan.rewrites.length) {
        lines.push('images:');
        for (const r of plan.rewrites)
            lines.push(`  - name: ${doubleQuoted(r.name)}`, `    newName: ${doubleQuoted(r.newName)}`);
    }
    const patches = [
        // Later same-named documents KOTS merges onto the first (strategic merge), before its own patches.
        ...plan.overlay.mergePatches.map((p) => [`  - path: ${doubleQuoted(external_node_path_.posix.relative(outDir, p))}`]),
        ...plan.overlay.deletes.map(deletePatch),
        ...plan.overlay.patches.map(kustomize_pullSecretPatch),
    ];
    if (patches.length) {
        lines.push('patches:');
        for (const p of patches)
            lines.push(...p);
    }
    files.unshift({ path: external_node_path_.posix.join(outDir, 'kustomization.yaml'), content: `${lines.join('\n')}\n` });
    return files;
}
function renderImageConfig() {
    const lines = [
        generated/* GENERATED_HEADER */.e,
        '# Lets the overlay rewrite ephemeralContainers, which KOTS itself does not.',
        'images:',
    ];
    for (const spec of EPHEMERAL_FIELD_SPECS) {
        lines.push(`  - path: ${doubleQuoted(spec.path)}`);
        if (spec.kind)
            lines.push(`    kind: ${doubleQuoted(spec.kind)}`);
    }
    return `${lines.join('\n')}\n`;
}
function targetLines(id) {
    const slash = id.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : id.apiVersion.slice(0, slash);
    const version = slash < 0 ? id.apiVersion : id.apiVersion.slice(slash + 1);
    const lines = ['  - target:'];
    if (group)
        lines.push(`      group: ${doubleQuoted(group)}`);
    lines.push(`      version: ${doubleQuoted(version)}`, `      kind: ${doubleQuoted(id.kind)}`, `      name: ${doubleQuoted(id.name)}`);
    if (id.namespace)
        lines.push(`      namespace: ${doubleQuoted(id.namespace)}`);
    return lines;
}
/** KOTS reads its own custom resources and never deploys them; a HelmChart's values may also hold
 *  `containers` that the image transformer would otherwise rewrite. */
function deletePatch(id) {
    return [...targetLines(id), '    patch: |-', '      $patch: delete', ...patchObjectId(id)];
}
function kustomize_pullSecretPatch(p) {
    return [
        ...(p.collapseNameless ? collapsePatch(p) : []),
        ...targetLines(p),
        '    patch: |-',
        '      - op: add',
        `        path: ${doubleQuoted(p.append ? `${p.path}/-` : p.path)}`,
        p.append ? `        value: {name: ${doubleQuoted(p.secretName)}}` : `        value: [{name: ${doubleQuoted(p.secretName)}}]`,
    ];
}
/** KOTS's pull-secret patch is a strategic merge (pkg/midstream/write.go), which keys containers by
 *  name and so leaves only the last of several nameless ones; an empty strategic-merge patch on the
 *  object does the same here, before the JSON patch that adds the secret. */
function collapsePatch(id) {
    return [...targetLines(id), '    patch: |-', ...patchObjectId(id)];
}
/** The object's identity inside a strategic-merge patch body. */
function patchObjectId(id) {
    return [
        `      apiVersion: ${doubleQuoted(id.apiVersion)}`,
        `      kind: ${doubleQuoted(id.kind)}`,
        '      metadata:',
        `        name: ${doubleQuoted(id.name)}`,
        ...(id.namespace ? [`        namespace: ${doubleQuoted(id.namespace)}`] : []),
    ];
}

;// CONCATENATED MODULE: ./.build/render/secret.js
// Plan → the pull-secret template. It holds only KOTS template functions, never a credential: KOTS fills
// `LicenseDockerCfg` from the customer's license at install time.



const PULL_SECRET_FILE = 'pull-secret.yaml';
/** pkg/docker/registry/registry.go PullSecretForRegistries: a midstream's secret.yaml holds the app
 *  secret and `kotsadm-replicated-registry`, with the same data; KOTS copies both into each listed
 *  additional namespace at deploy time. Vendors reference either name. */
const ADMIN_CONSOLE_SECRET = 'kotsadm-replicated-registry';
/** Both secrets for the app's namespace and each additional namespace, and each useHelmInstall chart's
 *  own secret (with its `kotsadm-replicated-registry`) in the chart's namespace; no object twice. */
function renderPullSecret(plan, outDir) {
    const name = `${plan.effective.appSlug}-registry`;
    const secret = (namespace, secretName) => [
        'apiVersion: "v1"',
        'kind: "Secret"',
        'metadata:',
        `  name: ${doubleQuoted(secretName)}`,
        ...(namespace ? [`  namespace: ${doubleQuoted(namespace)}`] : []),
        'type: "kubernetes.io/dockerconfigjson"',
        'data:',
        `  .dockerconfigjson: ${doubleQuoted('{{repl LicenseDockerCfg }}')}`,
    ].join('\n');
    const header = [
        generated/* GENERATED_HEADER */.e,
        `# The image pull secrets KOTS creates from the customer license: '{{repl ImagePullSecretName }}' and ${ADMIN_CONSOLE_SECRET}.`,
        '# KOTS renders LicenseDockerCfg at install time; this file never holds a credential.',
    ].join('\n');
    const wanted = [];
    for (const ns of [undefined, ...plan.overlay.secretNamespaces]) {
        wanted.push([ns, name], [ns, ADMIN_CONSOLE_SECRET]);
    }
    for (const s of plan.overlay.chartSecrets) {
        wanted.push([s.namespace, s.name], [s.namespace, ADMIN_CONSOLE_SECRET]);
    }
    const seen = new Set();
    const docs = [];
    for (const [ns, secretName] of wanted) {
        const key = `${ns ?? ''}/${secretName}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        docs.push(secret(ns, secretName));
    }
    return { path: external_node_path_.posix.join(outDir, PULL_SECRET_FILE), content: `${header}\n${docs.join('\n---\n')}\n` };
}

;// CONCATENATED MODULE: ./.build/scan/helm/chart-paths.js
// Positions inside a chart packaged from a directory name the packaged archive:
// `charts/web!web/values.yaml` (display name = the directory, then the path inside the archive, whose
// first component is the chart's name). The file a person edits is `charts/web/values.yaml`, so the
// report maps every such position, and every message naming one, onto the directory's real file.
// A subchart archive inside the directory keeps its own `!`: `charts/web/charts/db-1.0.0.tgz!db/…`.
// Pure.
/** `charts/web!web/values.yaml` → `charts/web/values.yaml`; any other path unchanged. */
function chartDirMapper(charts) {
    const pairs = charts.map((c) => [`${c.dir}!${c.name}/`, c.dir === '.' ? '' : `${c.dir}/`]);
    if (pairs.length === 0)
        return (text) => text;
    return (text) => {
        let out = text;
        for (const [from, to] of pairs)
            if (out.includes(from))
                out = out.replaceAll(from, to);
        return out;
    };
}
const MAPPED = new Set(['file', 'message', 'reason']);
/** A copy of `value` with `map` applied to every string under a `file`, `message` or `reason` key. */
function mapPositions(value, map) {
    return walk(value, map, '');
}
function walk(value, map, key) {
    if (typeof value === 'string')
        return MAPPED.has(key) ? map(value) : value;
    if (Array.isArray(value))
        return value.map((v) => walk(v, map, ''));
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = walk(v, map, k);
    return out;
}

;// CONCATENATED MODULE: ./.build/kots/config-cr.js
// The release's Config CR (`kots.io/v1beta1 Config`) as KOTS's template context reads it: groups of
// items with their type, `value`, `default`, `readonly` and `filename`. Pure.
// kotskinds decodes `value`/`default` as multitype.BoolOrString through YAML 1.1 (sigs.k8s.io/yaml):
// an unquoted bool (`true`, `yes`, `on`…) is a Bool whose String() is "1"/"0", a string stays as is,
// and a number does not decode, which makes KOTS refuse the Config (the install fails).

const CONFIG_HINT = /^kind:\s*["']?Config["']?\s*$/m;
/** Whether `text` may hold a Config CR (a cheap test before parsing). */
function mayHoldConfig(text) {
    return CONFIG_HINT.test(text) && text.includes('kots.io/');
}
/** The Config CRs of one file, merged in order (KOTS takes one Config per release). */
function readConfigCr(text) {
    let found;
    for (const doc of (0,yaml_dist/* parseAllDocuments */.hR)(text, { version: '1.1', uniqueKeys: false })) {
        const root = doc.contents;
        if (!(0,yaml_dist/* isMap */.jh)(root))
            continue;
        if (scalarText(root.get('kind', true)) !== 'Config')
            continue;
        if (scalarText(root.get('apiVersion', true)) !== 'kots.io/v1beta1')
            continue;
        found ??= { groups: [], problems: [] };
        const spec = root.get('spec', true);
        const groups = (0,yaml_dist/* isMap */.jh)(spec) ? spec.get('groups', true) : undefined;
        if (!(0,yaml_dist/* isSeq */.oP)(groups))
            continue;
        for (const g of groups.items) {
            if (!(0,yaml_dist/* isMap */.jh)(g))
                continue;
            const group = { items: [] };
            const name = scalarText(g.get('name', true));
            if (name !== undefined)
                group.name = name;
            const items = g.get('items', true);
            if ((0,yaml_dist/* isSeq */.oP)(items))
                for (const it of items.items)
                    readItem(it, group, found.problems);
            found.groups.push(group);
        }
    }
    return found;
}
function readItem(node, group, problems) {
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return;
    const name = scalarText(node.get('name', true));
    if (name === undefined)
        return;
    const item = { name };
    const type = scalarText(node.get('type', true));
    if (type !== undefined)
        item.type = type;
    for (const key of ['value', 'default']) {
        const v = boolOrString(node.get(key, true), `${name}.${key}`, problems);
        if (v !== undefined)
            item[key] = v;
    }
    const filename = scalarText(node.get('filename', true));
    if (filename !== undefined)
        item.filename = filename;
    const ro = node.get('readonly', true);
    if ((0,yaml_dist/* isScalar */.jn)(ro) && ro.value === true)
        item.readonly = true;
    group.items?.push(item);
}
/** multitype.BoolOrString: bool → "1"/"0", string → itself; null or absent → unset. */
function boolOrString(node, what, problems) {
    if (!(0,yaml_dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    if (typeof node.value === 'boolean')
        return node.value ? '1' : '0';
    if (typeof node.value === 'string')
        return node.value;
    problems.push({
        offset: node.range?.[0] ?? 0,
        message: `Config item ${what} is ${String(node.source ?? node.value)}, neither a string nor a bool: KOTS cannot decode the Config and the install fails (quote it)`,
    });
    return String(node.value);
}
function scalarText(node) {
    if (!(0,yaml_dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    return typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v);
}

;// CONCATENATED MODULE: ./.build/scan/helm/archive.js
// Helm chart archives (`<name>-<version>.tgz`) shipped in a KOTS release: bytes in, chart data out.
// Follows Helm's loader (pkg/chart/loader/archive.go): gzip is required, the first path component of
// every entry is the chart directory and is stripped, absolute paths and `..` are rejected (Helm
// refuses such a chart, so do we), `charts/<sub>/…` directories and `charts/*.tgz` archives are
// subcharts. Never throws on bad input: every failure is `{ error }`.




const DEFAULT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxEntries: 10_000, maxDepth: 5 };
/** Reads a chart archive. `displayPath` is the release-relative path used in every SourcePos. */
function readChartArchive(displayPath, bytes, limits = DEFAULT_LIMITS) {
    const budget = { bytes: limits.maxBytes, entries: limits.maxEntries };
    return readAt(displayPath, bytes, limits, budget, 0);
}
/** The archive whose Chart.yaml has this name (and version, when given). First match in input order. */
function matchChartArchive(archives, chartName, chartVersion) {
    return archives.find((a) => a.name === chartName &&
        (chartVersion === undefined || chartVersion === '' || a.version === chartVersion));
}
function readAt(displayPath, bytes, limits, budget, depth) {
    const files = untar(bytes, budget);
    if ('error' in files)
        return { error: `${displayPath}: ${files.error}` };
    const root = files.root;
    return buildChart(displayPath, root, files.files, '', limits, budget, depth);
}
function untar(bytes, budget) {
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
        return { error: 'not a gzip archive' };
    let tarBytes;
    try {
        // +1 so that a stream of exactly the remaining budget still fits and one byte more does not.
        tarBytes = (0,external_node_zlib_.gunzipSync)(bytes, { maxOutputLength: Math.max(1, budget.bytes + 1) });
    }
    catch (e) {
        const code = e instanceof Error && 'code' in e ? String(e.code) : '';
        if (e instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE')
            return { error: 'exceeds the size limit' };
        return { error: `bad gzip data (${(0,util/* errorMessage */.gJ)(e)})` };
    }
    if (tarBytes.length > budget.bytes)
        return { error: 'exceeds the size limit' };
    budget.bytes -= tarBytes.length;
    if (tarBytes.length % 512 !== 0)
        return { error: 'truncated tar data' };
    const files = new Map();
    let root;
    let error;
    const fail = (message) => {
        error ??= message;
    };
    const parser = new index_min/* Parser */.iX({
        brotli: false,
        zstd: false,
        onwarn: (code, message) => {
            if (code === 'TAR_ENTRY_INVALID' || code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT')
                fail(`not a valid tar archive (${message instanceof Error ? message.message : message})`);
        },
        onReadEntry: (entry) => {
            if (error !== undefined || --budget.entries < 0) {
                fail('too many entries');
                entry.resume();
                return;
            }
            const rel = entryPath(entry.path);
            if ('error' in rel) {
                fail(rel.error);
                entry.resume();
                return;
            }
            root ??= rel.root;
            const isFile = entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile';
            if (!isFile || rel.path === '') {
                entry.resume();
                return;
            }
            const chunks = [];
            entry.on('data', (c) => chunks.push(c));
            entry.on('end', () => {
                const data = Buffer.concat(chunks);
                if (data.length !== entry.size)
                    fail(`truncated entry ${entry.path}`);
                files.set(rel.path, data);
            });
        },
    });
    parser.on('error', (e) => fail(`not a valid tar archive (${(0,util/* errorMessage */.gJ)(e)})`));
    try {
        // Parsing an in-memory buffer is synchronous: every entry has ended when end() returns.
        parser.end(tarBytes);
    }
    catch (e) {
        fail(`not a valid tar archive (${(0,util/* errorMessage */.gJ)(e)})`);
    }
    if (error !== undefined)
        return { error };
    if (root === undefined)
        return { error: 'empty archive' };
    return { root, files };
}
/** Helm's path rules: no absolute paths, no `..`, no drive letters; strip the first component. */
function entryPath(raw) {
    const p = raw.replaceAll('\\', '/');
    if (p.startsWith('/') || /^[A-Za-z]:/.test(p))
        return { error: `absolute path in archive: ${raw}` };
    const parts = p.split('/').filter((s) => s !== '' && s !== '.');
    if (parts.includes('..'))
        return { error: `path outside the chart directory: ${raw}` };
    const [root, ...rest] = parts;
    if (root === undefined)
        return { error: `empty path in archive: ${JSON.stringify(raw)}` };
    return { root, path: rest.join('/') };
}
const decoder = new TextDecoder('utf-8');
/** Builds the chart rooted at `prefix` (`''` or `charts/<sub>/`) of one archive's file map. */
function buildChart(displayPath, root, files, prefix, limits, budget, depth) {
    const fileOf = (rel) => {
        const data = files.get(prefix + rel);
        return data === undefined
            ? undefined
            : { file: `${displayPath}!${root}/${prefix}${rel}`, text: decoder.decode(data) };
    };
    const chartYaml = fileOf('Chart.yaml');
    if (chartYaml === undefined)
        return { error: `${displayPath}: no ${root}/${prefix}Chart.yaml` };
    const meta = parseChartYaml(chartYaml.text);
    if ('error' in meta)
        return { error: `${chartYaml.file}: ${meta.error}` };
    const requirements = fileOf('requirements.yaml');
    const dependencies = meta.dependencies.length > 0 || requirements === undefined
        ? meta.dependencies
        : parseDeps(requirements.text);
    const templates = [];
    const subDirs = new Set();
    const subArchives = [];
    for (const key of [...files.keys()].sort()) {
        if (!key.startsWith(prefix))
            continue;
        const rel = key.slice(prefix.length);
        if (rel.startsWith('templates/') && !rel.endsWith('/NOTES.txt')) {
            const f = fileOf(rel);
            if (f)
                templates.push(f);
        }
        else if (rel.startsWith('charts/')) {
            const [sub, ...rest] = rel.slice('charts/'.length).split('/');
            if (sub === undefined || sub === '')
                continue;
            if (rest.length > 0)
                subDirs.add(sub);
            else if (sub.endsWith('.tgz') || sub.endsWith('.tar.gz'))
                subArchives.push(sub);
        }
    }
    const chart = {
        displayPath,
        dir: `${root}/${prefix}`.replace(/\/$/, ''),
        name: meta.name,
        version: meta.version,
        dependencies,
        templates,
        subcharts: [],
        warnings: [],
    };
    if (meta.appVersion)
        chart.appVersion = meta.appVersion;
    const values = fileOf('values.yaml');
    if (values)
        chart.values = values;
    const subs = [
        ...[...subDirs].map((s) => [
            s,
            () => buildChart(displayPath, root, files, `${prefix}charts/${s}/`, limits, budget, depth),
        ]),
        ...subArchives.map((s) => [
            s,
            () => depth + 1 > limits.maxDepth
                ? { error: `${displayPath}!${root}/${prefix}charts/${s}: nested deeper than ${limits.maxDepth}` }
                : readAt(`${displayPath}!${root}/${prefix}charts/${s}`, files.get(`${prefix}charts/${s}`), limits, budget, depth + 1),
        ]),
    ];
    for (const [, load] of subs.sort((a, b) => (0,util/* compareText */.n6)(a[0], b[0]))) {
        const sub = load();
        if ('error' in sub) {
            // A size-limit breach anywhere fails the whole read: the caps protect the process, not the chart.
            if (sub.error.endsWith('exceeds the size limit') || sub.error.endsWith('too many entries'))
                return sub;
            chart.warnings.push(sub.error);
        }
        else {
            chart.subcharts.push(sub);
        }
    }
    return chart;
}

;// CONCATENATED MODULE: ./.build/scan/helm/archive-budget.js
/** Text kept from all chart archives of one run (UTF-16 code units, as V8 holds them). */
const DEFAULT_ARCHIVE_BUDGET = 128 * 1024 * 1024;
function retainedSize(chart) {
    let size = chart.values?.text.length ?? 0;
    for (const t of chart.templates)
        size += t.text.length;
    for (const s of chart.subcharts)
        size += retainedSize(s);
    return size;
}
function overBudgetMessage(budget) {
    return `not read: the chart archives of this release exceed the memory budget of ${Math.round(budget / (1024 * 1024))} MiB`;
}
/** Bytes a chart archive file may have on disk: 1 MiB over the reader's 50 MiB uncompressed limit
 *  (src/scan/helm/archive.ts), since gzip output that large is never much smaller than its input. A
 *  larger file could not be read anyway, so it is refused by its size before it is held in memory. */
const MAX_ARCHIVE_FILE_BYTES = 51 * 1024 * 1024;

;// CONCATENATED MODULE: ./.build/scan/image-like.js
// Does a string outside a PodSpec's `image` field name an image? Operators pass images through env vars,
// args and custom resource fields, where KOTS does not look. A false positive makes noise on every pull request, so
// a value must be a valid reference AND look like one (see `looksLikeImage`).

// Characters no reference contains; `://` marks a URL.
const NEVER_IN_IMAGE = /[\s=,;"'<>{}|\\]|:\/\//;
/** `anywhere`: a valid reference whose first component is a registry (has `.` or `:`, or is `localhost`)
 *  followed by a path (`quay.io/x/y`, `localhost:5000/x`). `named` also accepts a Docker Hub name with a
 *  `/` and an explicit tag or digest (`bitnami/redis:7`); not `nginx:1.25`, which reads like `host:port`.
 *  `image-field` accepts any valid reference. */
function looksLikeImage(value, hint) {
    // Cheap rejections first: whitespace, URLs, flags, paths, assignments never name an image.
    if (value.length < 2 || value.length > 512)
        return false;
    const c0 = value.charCodeAt(0);
    if (c0 === 45 /* - */ || c0 === 47 /* / */ || c0 === 46 /* . */)
        return false;
    if (NEVER_IN_IMAGE.test(value))
        return false;
    const parsed = (0,reference/* parseReference */.F2)(value);
    if (!parsed.ok)
        return false;
    const { domain, path, tag, digest } = parsed.ref;
    if (domain !== undefined && path.length > 0 && isRegistryDomain(domain))
        return true;
    if (hint === 'anywhere')
        return false;
    if (hint === 'image-field')
        return true;
    return domain === undefined && path.includes('/') && (tag !== undefined || digest !== undefined);
}
function isRegistryDomain(domain) {
    return domain.includes('.') || domain.includes(':') || domain === 'localhost';
}
/** Env var names that announce an image: OLM's `RELATED_IMAGE_*` and the common `*_IMAGE`. */
function isImageEnvName(name) {
    return name.startsWith('RELATED_IMAGE_') || name.endsWith('_IMAGE');
}
/** Splits `--flag=<value>` (or `-f=<value>`) into the offset of the value part; -1 when not that form. */
function flagValueOffset(item) {
    if (item.charCodeAt(0) !== 45 /* - */)
        return -1;
    const eq = item.indexOf('=');
    return eq > 1 ? eq + 1 : -1;
}

;// CONCATENATED MODULE: ./.build/scan/yaml/positions.js
// Source positions of a YAML file, computed from its text alone.

/** Line starts of `text`, found in the text itself. yaml's `Parser(onNewLine)` / `lineCounter` option
 *  misses newlines inside some malformed tokens (an unclosed flow collection, an alias used as a key),
 *  which shifted every later position by a line or more. */
function lineCounterOf(text) {
    const lc = new yaml_dist/* LineCounter */.HN();
    lc.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lc.addNewLine(i + 1);
    return lc;
}

;// CONCATENATED MODULE: ./.build/scan/helm/values-tree.js
// Helm values as a tree whose every node remembers where it was written, and Helm's coalescing rules
// (pkg/chartutil/coalesce.go) over such trees: a chart's values.yaml, the values the parent chart
// passes to a subchart, and the KOTS HelmChart CR's `values` each form a layer, and the merged tree
// says, for every leaf, which file and line decided it. Pure: text or YAML nodes in, data out.



/** Walk limits against YAML alias bombs and absurd nesting. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 100;
function emptyValues(file, layer) {
    return { kind: 'map', entries: new Map(), pos: { file, line: 1, column: 1 }, layer };
}
/** Parses a values document (values.yaml). A non-map root yields an empty tree; YAML errors are
 *  returned, and whatever the parser could still build is kept. */
function values_tree_valuesFromText(text, file, layer = 0) {
    // Positions ignore a leading BOM, as scanText's do.
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lineCounter = lineCounterOf(src);
    const doc = (0,yaml_dist/* parseDocument */.Tp)(src, { uniqueKeys: false });
    const errors = doc.errors.map((e) => `${file}: ${(0,util/* firstLine */.TM)(e.message)}`);
    return { values: valuesFromNode(doc.contents, lineCounter, file, layer, doc), errors };
}
/** Converts a YAML node (e.g. a HelmChart CR's `spec.values`) into a values tree. Pass `doc` so that
 *  aliases resolve; without it they become `other`. */
function valuesFromNode(node, lineCounter, file, layer = 1, doc) {
    return convertTree(node, layer, {
        file,
        posOf: (n) => {
            const { line, col } = lineCounter.linePos(n.range?.[0] ?? 0);
            return { file, line, column: col };
        },
        resolve: (a) => (doc ? a.resolve(doc) : undefined),
    });
}
/** Converts any YAML node into a values tree, with positions and alias resolution from `hooks`. */
function convertTree(node, layer, hooks) {
    const { file, posOf } = hooks;
    let budget = MAX_NODES;
    const convert = (n, depth) => {
        if (--budget < 0 || depth > MAX_DEPTH)
            return { kind: 'other', pos: { file, line: 1, column: 1 }, layer };
        if ((0,yaml_dist/* isAlias */.Vj)(n)) {
            const target = hooks.resolve(n);
            return target ? convert(target, depth + 1) : { kind: 'other', pos: posOf(n), layer };
        }
        if (n && typeof n === 'object' && hooks.skip?.(n))
            return { kind: 'other', pos: posOf(n), layer };
        if ((0,yaml_dist/* isScalar */.jn)(n)) {
            const v = hooks.writtenText?.(n) ?? n.value;
            const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
            return { kind: 'scalar', value, pos: posOf(n), layer };
        }
        const flow = (0,yaml_dist/* isCollection */.P3)(n) ? hooks.flowText?.(n) : undefined;
        if (flow !== undefined)
            return { kind: 'scalar', value: flow, pos: posOf(n), layer };
        if ((0,yaml_dist/* isMap */.jh)(n)) {
            const entries = new Map();
            for (const pair of n.items) {
                const key = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
                if (key === undefined)
                    continue;
                // A key written without a value (`tag:`) is null, as in Helm.
                entries.set(key, pair.value == null ? nullAt(pair.key, posOf, layer) : convert(pair.value, depth + 1));
            }
            return { kind: 'map', entries, pos: posOf(n), layer };
        }
        if ((0,yaml_dist/* isSeq */.oP)(n))
            return { kind: 'seq', items: n.items.map((i) => convert(i, depth + 1)), pos: posOf(n), layer };
        return {
            kind: 'other',
            pos: n && typeof n === 'object' && 'range' in n ? posOf(n) : { file, line: 1, column: 1 },
            layer,
        };
    };
    const root = node == null ? undefined : convert(node, 0);
    return root?.kind === 'map' ? root : emptyValues(file, layer);
}
function nullAt(key, posOf, layer) {
    const pos = (0,yaml_dist/* isScalar */.jn)(key) ? posOf(key) : { file: '', line: 1, column: 1 };
    return { kind: 'scalar', value: null, pos, layer };
}
/** Helm's coalesce: `over` (user-supplied, higher precedence) onto `base` (chart defaults). Maps merge
 *  key by key; any other value in `over` replaces. A null in `over` is Helm's way to delete a default:
 *  it is kept as a null leaf (readers treat null as unset) so that it also deletes the key from
 *  subchart defaults merged in later, as Helm does. Inputs are not modified. */
function coalesceValues(over, base) {
    const entries = new Map(base.entries);
    for (const [key, value] of over.entries) {
        const prev = entries.get(key);
        if (value.kind === 'map' && prev?.kind === 'map')
            entries.set(key, coalesceValues(value, prev));
        else
            entries.set(key, value);
    }
    return { kind: 'map', entries, pos: over.pos, layer: over.layer };
}
/** KOTS's `optionalValues` with `recursiveMerge: false` (the default): each top-level key of `over`
 *  replaces that key of `base` whole (Replicated docs, HelmChart `optionalValues.recursiveMerge`). */
function replaceTopLevel(over, base) {
    const entries = new Map(base.entries);
    for (const [key, value] of over.entries)
        entries.set(key, value);
    return { kind: 'map', entries, pos: over.pos, layer: over.layer };
}
/** The values a subchart sees (Helm's coalesceDeps + coalesceGlobals): the parent's values under
 *  `key` (the dependency's alias or name), with the parent's `global` merged over the subchart's
 *  `global` (parent wins), all over the subchart's own values.yaml. */
function subchartValues(parent, key, defaults) {
    const scoped = parent.entries.get(key);
    const over = scoped?.kind === 'map'
        ? { ...scoped, entries: new Map(scoped.entries) }
        : { ...emptyValues(parent.pos.file, parent.layer) };
    const parentGlobal = parent.entries.get('global');
    if (parentGlobal?.kind === 'map') {
        const own = over.entries.get('global');
        over.entries.set('global', own?.kind === 'map' ? coalesceValues(parentGlobal, own) : parentGlobal);
    }
    return coalesceValues(over, defaults);
}
/** The node at a dotted-path's keys, or undefined. */
function lookup(values, path) {
    let node = values;
    for (const key of path) {
        if (node?.kind !== 'map')
            return undefined;
        node = node.entries.get(key);
    }
    return node;
}
/** Helm's `condition`: comma-separated paths; the first that holds a boolean decides; none → enabled. */
function conditionEnabled(values, condition) {
    for (const path of (condition ?? '').split(',')) {
        const trimmed = path.trim();
        if (trimmed === '')
            continue;
        const node = lookup(values, trimmed.split('.'));
        if (node?.kind === 'scalar' && typeof node.value === 'boolean')
            return node.value;
    }
    return true;
}
/** The tree as plain data (what Helm reads from a values file); `other` nodes become null. */
function plainValues(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(plainValues);
    if (node.kind === 'map') {
        const out = {};
        for (const [k, v] of node.entries)
            out[k] = plainValues(v);
        return out;
    }
    return null;
}
/** The node at a values path whose numbers index lists, or undefined. */
function lookupPath(values, path) {
    let node = values;
    for (const seg of path) {
        if (node === undefined)
            return undefined;
        if (typeof seg === 'number')
            node = node.kind === 'seq' ? node.items[seg] : undefined;
        else
            node = node.kind === 'map' ? node.entries.get(seg) : undefined;
    }
    return node;
}

;// CONCATENATED MODULE: ./.build/scan/helm/image-slots.js
// Images named in a values tree: Helm values (a chart's values.yaml, a HelmChart CR's `values`) and the
// spec of an operator's custom resource. The one set of rules for image-shaped values:
//   image: "quay.io/org/x:1"                            → the string as written
//   image: {registry, repository, tag, digest}          → registry/repository[:tag][@digest]
//   image: {repository} with an enclosing imageRegistry → imageRegistry/repository…
//   image: {name, tag}                                  → name:tag (when there is no `repository`)
//   <word>Image: … (`sidecarImage`)                     → the same forms
//   any map with `repository` and a tag, digest or registry, under any key
// Registry precedence follows Bitnami's common.images.image, the de facto convention:
// `global.imageRegistry` > the map's own `registry` > the nearest enclosing `imageRegistry`. A tag and a
// digest are both kept (`repo:tag@digest`, valid, and what the scanner keeps for container images; the
// digest decides what is pulled). With neither, the chart's appVersion is the tag (`helm create`'s
// `image.tag | default .Chart.AppVersion`), with a note. Subtrees under `annotations`, `labels` and
// `metadata` never hold images. Pure.




const ORDER = ['image', 'repository', 'name', 'registry', 'imageRegistry', 'tag', 'digest'];
const SUFFIX_KEY = /^[a-z][A-Za-z0-9]*Image$/;
/** Keys whose subtrees never hold images (a pod template's annotations, labels, metadata). */
const NEVER_IMAGES = new Set(['annotations', 'labels', 'metadata']);
/** Image slots of one values document (values.yaml text), without any merging. */
function findValueImages(valuesText, file, opts = {}) {
    return collectSlots(valuesFromText(valuesText, file, opts.layer ?? 0).values, opts);
}
/** Image slots of a values tree. `skipKeys` are top-level keys that belong to subcharts. */
function collectSlots(values, opts = {}, skipKeys) {
    const out = [];
    const prefix = opts.prefix ?? [];
    const mode = opts.mode ?? 'helm';
    const globalRegistry = stringPart(lookup(values, ['global', 'imageRegistry']), [
        ...prefix,
        'global',
        'imageRegistry',
    ]);
    const push = (path, parts, inList) => {
        const slot = composeSlot([...prefix, ...path], parts, opts.defaultTag, inList);
        if (!slot.complete && !opts.includePartial)
            return;
        if (!accepts(slot, mode))
            return;
        out.push(slot);
    };
    const visit = (node, path, inherited, inList) => {
        if (node.kind === 'seq') {
            node.items.forEach((item, i) => {
                visit(item, [...path, String(i)], inherited, true);
            });
            return;
        }
        if (node.kind !== 'map')
            return;
        const own = stringPart(node.entries.get('imageRegistry'), [...prefix, ...path, 'imageRegistry']);
        const registry = own ?? inherited;
        for (const [k, v] of node.entries) {
            if (path.length === 0 && skipKeys?.has(k))
                continue;
            if (NEVER_IMAGES.has(k))
                continue;
            const childPath = [...path, k];
            const isImageKey = k === 'image' || SUFFIX_KEY.test(k);
            const parts = isImageKey || isImageMap(v)
                ? slotParts(v, [...prefix, ...childPath], registry, globalRegistry)
                : undefined;
            if (parts && (isImageKey || parts.repository)) {
                if (!parts.image || acceptsString(parts.image.value, k, mode))
                    push(childPath, parts, inList);
                continue;
            }
            visit(v, childPath, registry, inList);
        }
    };
    visit(values, [], undefined, false);
    return out;
}
/** A map that names an image under any key: `repository` with a tag, digest or registry. */
function isImageMap(node) {
    if (node.kind !== 'map')
        return false;
    const has = (k) => node.entries.get(k)?.kind === 'scalar';
    return has('repository') && (has('tag') || has('digest') || has('registry'));
}
/** A full reference under an image key. Helm values take any string under `image`; `*Image` keys need
 *  a valid reference; custom resources need it to look like one. Templates always count. */
function acceptsString(value, key, mode) {
    if (hasTemplate(value))
        return true;
    if (mode === 'operator')
        return looksLikeImage(value, key === 'image' ? 'image-field' : 'named');
    return key === 'image' || (0,reference/* parseReference */.F2)(value).ok;
}
/** Custom resources: a composed map must be a template or a valid reference, never a guess. */
function accepts(slot, mode) {
    if (mode === 'helm' || slot.parts.image || !slot.complete)
        return true;
    return hasTemplate(slot.ref) || (0,reference/* parseReference */.F2)(slot.ref).ok;
}
/** A string leaf, or a number printed as Helm prints it. Empty strings, booleans and null are unset. */
function stringPart(node, path) {
    if (node?.kind !== 'scalar')
        return undefined;
    const { value, pos, layer } = node;
    if (typeof value === 'number')
        return { value: String(value), pos, layer, path, numeric: true };
    return typeof value === 'string' && value !== '' ? { value, pos, layer, path } : undefined;
}
/** The parts of an image value, or undefined when the node is not an image (no slot keys at all). */
function slotParts(node, path, inherited, globalRegistry) {
    if (node.kind === 'scalar') {
        const image = typeof node.value === 'string' ? stringPart(node, path) : undefined;
        return image ? { image } : undefined;
    }
    if (node.kind !== 'map')
        return undefined;
    const get = (k) => stringPart(node.entries.get(k), [...path, k]);
    const parts = {};
    const set = (k, p) => {
        if (p)
            parts[k] = p;
    };
    set('repository', get('repository'));
    if (!parts.repository)
        set('name', get('name'));
    set('registry', get('registry'));
    set('tag', get('tag'));
    set('digest', get('digest'));
    if (Object.keys(parts).length === 0)
        return undefined;
    // `{name}` alone is too weak a signal (many maps have a name); it needs a tag, digest or registry.
    if (parts.name && Object.keys(parts).length === 1)
        return undefined;
    set('imageRegistry', inherited);
    set('global.imageRegistry', globalRegistry);
    return parts;
}
/** Builds the slot from its parts (see the header for the composition rules). */
function composeSlot(path, parts, defaultTag, inList = false) {
    const notes = [];
    const repo = parts.image ?? parts.repository ?? parts.name;
    let ref;
    if (parts.image) {
        ref = parts.image.value;
    }
    else {
        const registry = registryPart(parts);
        ref = `${registry ? `${registry.value.replace(/\/+$/, '')}/` : ''}${repo?.value ?? ''}`;
        if (parts.tag)
            ref += `:${parts.tag.value}`;
        if (parts.digest)
            ref += `@${parts.digest.value}`;
        if (!parts.tag && !parts.digest && defaultTag && repo) {
            ref += `:${defaultTag}`;
            notes.push(`no tag: assuming the chart's appVersion ${defaultTag}`);
        }
    }
    if (parts.tag?.numeric && !parts.image)
        notes.push(`tag ${parts.tag.value} is a YAML number: Helm may print it differently (1.10 as 1.1); quote it`);
    return { path, ref, complete: repo !== undefined, pos: reportPos(parts), parts, inList, notes };
}
/** The registry a composed slot uses, by the precedence in the header. */
function registryPart(parts) {
    return parts.image ? undefined : (parts['global.imageRegistry'] ?? parts.registry ?? parts.imageRegistry);
}
function reportPos(parts) {
    const own = ORDER.flatMap((k) => (parts[k] ? [parts[k]] : []));
    const top = Math.max(...own.map((p) => p.layer));
    // ORDER puts the repository first: without overrides it names the image; an override outranks it.
    const best = own.find((p) => p.layer === top) ?? parts['global.imageRegistry'];
    return best?.pos ?? { file: '', line: 1, column: 1 };
}

;// CONCATENATED MODULE: ./.build/scan/helm/chart-images.js
// A HelmChart CR's images: its `values` / `optionalValues` merged the way KOTS merges them, over the
// chart archive's values (with Helm's subchart scoping) when the release ships the archive. Pure.



/** Every image slot of a HelmChart CR: once for `values` alone and once with each `optionalValues` entry
 *  merged in (its `when` is a template only KOTS evaluates, so both renderings can happen), deduplicated.
 *  With an archive, the merged values go over the chart's values.yaml and subcharts. */
function crImages(layers, archive) {
    const renderings = [
        layers.values,
        ...layers.optional.map((o) => o.recursiveMerge ? coalesceValues(o.values, layers.values) : replaceTopLevel(o.values, layers.values)),
    ];
    const seen = new Set();
    const out = { slots: [], notes: [], charts: [], pullSecrets: [] };
    for (const values of renderings) {
        const r = archive
            ? chartValueImages(archive, [values])
            : {
                slots: markSwitchedOff(collectSlots(values), values, 0),
                notes: [],
                charts: [],
                pullSecrets: pullSecretValues(values, []),
            };
        for (const s of r.slots) {
            const key = `${s.path.join('\0')}\0${s.ref}\0${s.pos.file}:${s.pos.line}:${s.pos.column}`;
            if (!seen.has(key)) {
                seen.add(key);
                out.slots.push(s);
            }
        }
        for (const n of r.notes)
            if (!out.notes.includes(n))
                out.notes.push(n);
        for (const c of r.charts)
            if (!out.charts.includes(c))
                out.charts.push(c);
        for (const p of r.pullSecrets)
            if (!out.pullSecrets.some((q) => q.path.join('\0') === p.path.join('\0')))
                out.pullSecrets.push(p);
    }
    return out;
}
/** Every image slot of a chart and its subcharts, after Helm merges `overrides` (the HelmChart CR's
 *  values, lowest precedence first, built at layer >= 1) over values.yaml, the parent's values over
 *  each subchart's, and the parent's globals over the subchart's. */
function chartValueImages(chart, overrides = []) {
    const out = { slots: [], notes: [], charts: [], pullSecrets: [] };
    const defaultsOf = (c, depth) => {
        if (!c.values)
            return emptyValues(`${c.displayPath}!${c.dir}/values.yaml`, -depth);
        const { values, errors } = values_tree_valuesFromText(c.values.text, c.values.file, -depth);
        (0,util/* append */.BC)(out.notes, errors);
        return values;
    };
    const walk = (c, values, prefix, depth) => {
        out.charts.push(c);
        const subs = [];
        for (const sub of c.subcharts) {
            const deps = c.dependencies.filter((d) => d.name === sub.name);
            if (deps.length === 0)
                subs.push([sub.name, sub, undefined]);
            for (const d of deps)
                subs.push([d.alias ?? d.name, sub, d.condition]);
        }
        const opts = { prefix };
        if (c.appVersion)
            opts.defaultTag = c.appVersion;
        const skip = new Set(subs.map(([k]) => k));
        (0,util/* append */.BC)(out.slots, markSwitchedOff(collectSlots(values, opts, skip), values, prefix.length));
        (0,util/* append */.BC)(out.pullSecrets, pullSecretValues(values, prefix, skip));
        for (const [key, sub, condition] of subs) {
            if (!conditionEnabled(values, condition)) {
                out.notes.push(`subchart ${[...prefix, key].join('.')} is disabled by condition ${condition}`);
                continue;
            }
            walk(sub, subchartValues(values, key, defaultsOf(sub, depth + 1)), [...prefix, key], depth + 1);
        }
    };
    const top = overrides.reduce((acc, o) => coalesceValues(o, acc), defaultsOf(chart, 0));
    walk(chart, top, [], 0);
    return out;
}
/** Slots under a map whose `enabled` is false in the merged values (`metrics.enabled: false` with
 *  `metrics.image`): the usual Helm switch, so findings about such an image would be noise. */
function markSwitchedOff(slots, values, prefixLength) {
    for (const slot of slots) {
        const rel = slot.path.slice(prefixLength);
        for (let i = rel.length - 1; i >= 0; i--) {
            const node = lookup(values, [...rel.slice(0, i), 'enabled']);
            if (node?.kind === 'scalar' && node.value === false) {
                slot.switchedOff = true;
                break;
            }
        }
    }
    return slots;
}
const PULL_SECRET_KEYS = new Set(['imagePullSecrets', 'pullSecrets']);
/** Keys named imagePullSecrets / pullSecrets whose value is a list (or empty), at any depth outside lists. */
function pullSecretValues(values, prefix, skip) {
    const out = [];
    const visit = (node, path) => {
        for (const [k, v] of node.entries) {
            if (path.length === 0 && skip?.has(k))
                continue;
            // A subchart's `global` is the parent's, set at the top: report it once, there.
            if (path.length === 0 && prefix.length > 0 && k === 'global')
                continue;
            if (PULL_SECRET_KEYS.has(k) && (v.kind === 'seq' || (v.kind === 'scalar' && v.value === null))) {
                out.push({ path: [...prefix, ...path, k], ...secretNames(v) });
            }
            else if (v.kind === 'map') {
                visit(v, [...path, k]);
            }
        }
    };
    visit(values, []);
    return out;
}
function secretNames(node) {
    if (node.kind !== 'seq')
        return { names: [], strings: false };
    const names = [];
    let strings = false;
    for (const item of node.items) {
        if (item.kind === 'scalar' && typeof item.value === 'string') {
            names.push(item.value);
            strings = true;
        }
        else if (item.kind === 'map') {
            const name = item.entries.get('name');
            if (name?.kind === 'scalar' && typeof name.value === 'string')
                names.push(name.value);
        }
    }
    return { names, strings };
}

;// CONCATENATED MODULE: ./.build/scan/helm/pull-secret-shape.js
// The item shape a chart reads from a pull-secret list whose default is empty (`imagePullSecrets: []`
// tells nothing). Istio 1.5, for one, ranges over the list and writes `- name: {{ . }}`, so it takes
// plain strings; a `{name: …}` item there would render as `name: map[name:…]`. Read from the chart's
// template text. Pure.
/** True when some template ranges over `.Values.<path>` (or a shorter tail of it, as a subchart sees
 *  it) and writes each item as the value of a `name:` key, i.e. reads plain strings. */
function readsPlainStrings(templates, path) {
    const tails = path[0] === 'global' ? [path] : path.map((_, i) => path.slice(i));
    for (const tail of tails) {
        const ref = tail.map(escapeRegExp).join('\\.');
        const range = new RegExp(`range\\s+(?:\\$\\w+\\s*,\\s*)?(?:\\$(\\w+)\\s*:=\\s*)?\\$?\\.Values\\.${ref}\\s*-?}}([\\s\\S]*?){{-?\\s*end\\b`, 'g');
        for (const t of templates) {
            for (const m of t.text.matchAll(range)) {
                const item = m[1] ? `\\$${m[1]}` : '\\.';
                const body = m[2] ?? '';
                if (new RegExp(`name:\\s*["']?{{-?\\s*${item}\\s*(?:\\|\\s*quote\\s*)?-?}}`).test(body))
                    return true;
            }
        }
    }
    return false;
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./.build/scan/helm/template-literals.js
// Literal images written directly in chart templates (`image: quay.io/org/x:1`). Templates are not
// YAML until Helm renders them, so this is line-based: a line counts only when it is a plain
// `image:` key (optionally a `- ` list item) with one unquoted or quoted token and no template action
// on it, and it is not inside a multi-line `{{ … }}` action (e.g. a `{{/* … */}}` comment).
// Lines under `{{ if }}` are still reported: only Helm can tell whether they render. Pure.
// key, then a double-quoted, single-quoted or plain token, then an optional comment. Linear: no
// nested quantifiers, so a hostile line cannot make it backtrack.
const LINE = /^(\s*(?:-\s+)?image:[ \t]+)(?:"([^"\\\s]+)"|'([^'\s]+)'|([^\s"'#{[|>&*!%@`,][^\s#]*))[ \t]*(?:#.*)?$/;
function findTemplateLiteralImages(templateText, file) {
    const out = [];
    let inAction = false;
    const lines = templateText.split(/\r?\n/);
    lines.forEach((line, i) => {
        const startsInAction = inAction;
        inAction = endsInAction(line, inAction);
        if (startsInAction || line.includes('{{') || line.includes('}}'))
            return;
        const m = LINE.exec(line);
        if (!m)
            return;
        const raw = m[2] ?? m[3] ?? m[4];
        if (raw === undefined)
            return;
        out.push({ raw, pos: { file, line: i + 1, column: (m[1]?.length ?? 0) + 1 } });
    });
    return out;
}
/** Whether a `{{` is still open at the end of the line. */
function endsInAction(line, open) {
    let state = open;
    for (let at = 0; at < line.length;) {
        const next = line.indexOf(state ? '}}' : '{{', at);
        if (next < 0)
            break;
        state = !state;
        at = next + 2;
    }
    return state;
}

;// CONCATENATED MODULE: ./.build/scan/helm/join.js
// Image uses of HelmChart CRs, and the join of each CR with the chart archive the release ships
// (KOTS matches them by `chart.name` and `chart.chartVersion`). Pure.








/** One image slot as an ImageUse. */
function slotUse(slot, context, helmChart) {
    const use = { raw: slot.ref, templating: classifyTemplating(slot.ref), pos: slot.pos, context };
    if (slot.switchedOff)
        use.switchedOff = true;
    if (helmChart === undefined)
        return use;
    use.helmChart = helmChart;
    const { parts } = slot;
    const registry = registryPart(parts);
    use.helmValue = {
        path: slot.path,
        repoKey: parts.image ? 'image' : parts.repository ? 'repository' : 'name',
        ...(registry ? { registryPath: registry.path } : {}),
        ...(slot.inList ? { inList: true } : {}),
    };
    return use;
}
/** The uses of a HelmChart CR on its own (no archive): its values, as KOTS merges them. */
function crUses(layers, helmChart) {
    const images = crImages(layers);
    return {
        uses: images.slots.map((s) => slotUse(s, 'helm-value', helmChart)),
        pullSecrets: images.pullSecrets,
    };
}
/** Replaces the CR-only `helm-value` uses of every HelmChart whose archive is in `archives` with the
 *  images of the chart as KOTS renders it: the chart's values.yaml and subcharts with the CR's values
 *  over them (a CR-set image appears once, at the CR's line; the rest at `<archive>!<path>:line`), plus
 *  the literal images written in the templates of the chart and its enabled subcharts. */
function joinChartArchives(scan, layers, archives) {
    if (archives.length === 0)
        return scan;
    const replaced = new Set();
    const added = [];
    const helmCharts = scan.helmCharts.map((chart, i) => {
        const crLayers = layers[i];
        const archive = matchChartArchive(archives, chart.chartName, chart.chartVersion);
        if (!archive || !crLayers)
            return chart;
        replaced.add(i);
        const images = crImages(crLayers, archive);
        (0,util/* append */.BC)(added, images.slots.map((s) => slotUse(s, 'helm-value', i)));
        for (const c of images.charts) {
            for (const t of c.templates) {
                for (const lit of findTemplateLiteralImages(t.text, t.file)) {
                    added.push({
                        raw: lit.raw,
                        templating: classifyTemplating(lit.raw),
                        pos: lit.pos,
                        context: 'helm-template',
                        helmChart: i,
                    });
                }
            }
        }
        const { pullSecretValues: _old, ...rest } = chart;
        const withSwitch = join_declaresInsecureSwitch(archive)
            ? { ...rest, insecureImagesSwitch: true }
            : rest;
        const templates = images.charts.flatMap((c) => c.templates);
        const pullSecrets = images.pullSecrets.map((p) => p.names.length === 0 && readsPlainStrings(templates, p.path) ? { ...p, strings: true } : p);
        return pullSecrets.length ? { ...withSwitch, pullSecretValues: pullSecrets } : withSwitch;
    });
    const kept = scan.uses.filter((u) => !(u.context === 'helm-value' && u.helmChart !== undefined && replaced.has(u.helmChart)));
    return { ...scan, helmCharts, uses: [...kept, ...added] };
}
/** `global.security.allowInsecureImages` in the chart's own values.yaml (Bitnami's common chart). */
function join_declaresInsecureSwitch(archive) {
    if (!archive.values)
        return false;
    const { values } = values_tree_valuesFromText(archive.values.text, archive.values.file);
    return lookup(values, ['global', 'security', 'allowInsecureImages']) !== undefined;
}

;// CONCATENATED MODULE: ./.build/scan/own-strings.js
// Every string a file's scan result keeps becomes a copy that owns its characters, so the file's text
// can be freed once the file is scanned. The yaml parser's token sources are substrings of the text,
// and V8 represents a substring of 13 or more characters as a view into its parent: one image
// reference kept from a 100 KB file kept all 100 KB alive, and with them every file of the release.
// Equal strings of one file share one copy, so a reference repeated in a file is stored once.
/** A copy of `s` with no link to the string it was cut from. A JSON round trip always builds a new
 *  flat string and keeps every UTF-16 code unit (lone surrogates too, which a UTF-8 round trip would
 *  replace); `(' ' + s).slice(1)` and the like may hand back another view. */
function ownCopy(s) {
    return JSON.parse(JSON.stringify(s));
}
/** Replaces, in place, every string inside `value` (plain objects, arrays and Maps, keys included)
 *  with its own copy. Values are unchanged as seen from JavaScript; frozen objects are left alone. */
function ownStrings(value) {
    const copies = new Map();
    const own = (s) => {
        let c = copies.get(s);
        if (c === undefined) {
            c = ownCopy(s);
            copies.set(s, c);
        }
        return c;
    };
    const seen = new Set();
    const stack = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (typeof v !== 'object' || v === null || seen.has(v))
            continue;
        seen.add(v);
        if (v instanceof Map) {
            const entries = [...v];
            const frozen = Object.isFrozen(v);
            // Clearing and re-adding keeps the insertion order.
            if (!frozen)
                v.clear();
            for (const [k, item] of entries) {
                if (typeof item !== 'string')
                    stack.push(item);
                if (!frozen)
                    v.set(typeof k === 'string' ? own(k) : k, typeof item === 'string' ? own(item) : item);
            }
            continue;
        }
        const record = v;
        const frozen = Object.isFrozen(v);
        for (const key of Object.keys(record)) {
            const item = record[key];
            if (typeof item === 'string') {
                if (!frozen)
                    record[key] = own(item);
            }
            else {
                stack.push(item);
            }
        }
    }
}

;// CONCATENATED MODULE: ./.build/scan/read-ahead.js
// Reads a list of files in order with the next one already being read while the caller works on the
// current one, so the scan's parsing (synchronous CPU work) and the file system overlap instead of
// taking turns. At most one file beyond the current one is held, whatever the release's size.
/** Yields each file's text or read error, in order; `read` of file k+1 starts before k is yielded. */
async function* readAhead(files, read) {
    // Every read settles into an outcome, so a failed read-ahead is never an unhandled rejection while
    // the caller is still busy with the file before it.
    const start = (file) => read(file).then((text) => ({ file, text }), (error) => ({ file, error }));
    let next = files.length > 0 ? start(files[0]) : undefined;
    for (let i = 0; next !== undefined; i++) {
        const current = next;
        next = i + 1 < files.length ? start(files[i + 1]) : undefined;
        yield await current;
    }
}

;// CONCATENATED MODULE: ./.build/template/errors.js
/** A parse or execution error, with Go's `template: NAME:LINE[:COL]: ...` message. */
class TemplateError extends Error {
    templateName;
    line;
    constructor(message, templateName, line) {
        super(message);
        this.templateName = templateName;
        this.line = line;
        this.name = 'TemplateError';
    }
}
/** Thrown by a function to report an error the way text/template wraps it ("error calling X: ..."). */
class FuncError extends Error {
}

;// CONCATENATED MODULE: ./.build/template/funcs.js
/** Declares a function with fixed parameters. */
function f(params, fn) {
    return { params, fn };
}
/** Declares a function with fixed parameters and a variadic tail. */
function fv(params, variadic, fn) {
    return { params, variadic, fn };
}

;// CONCATENATED MODULE: ./.build/template/value.js
// A small model of the Go values a KOTS template handles, so evaluation and printing follow Go:
// `bigint` is Go's `int`, `Int64` is `int64` (sprig's math returns it and text/template keeps the
// two apart when checking a function's argument types), `number` is `float64`, `Value[]` is
// `[]interface{}`, `Map` is `map[string]interface{}`, `null` is a nil interface and `undefined` is
// text/template's "no value" (an invalid reflect.Value, e.g. a field of nil data).
class Int64 {
    v;
    constructor(v) {
        this.v = v;
    }
}
/** A function value (for `call`). */
class GoFunc {
    name;
    fn;
    constructor(name, fn) {
        this.name = name;
        this.fn = fn;
    }
}
/** The integer inside an `int` or `int64`, else undefined. */
function intOf(v) {
    if (typeof v === 'bigint')
        return v;
    if (v instanceof Int64)
        return v.v;
    return undefined;
}
function int64(v) {
    return new Int64(BigInt.asIntN(64, v));
}
/** Go's type name of a value, as text/template prints it in errors and `%T`. */
function typeName(v) {
    if (v === undefined || v === null)
        return '<nil>';
    if (typeof v === 'string')
        return 'string';
    if (typeof v === 'boolean')
        return 'bool';
    if (typeof v === 'bigint')
        return 'int';
    if (typeof v === 'number')
        return 'float64';
    if (v instanceof Int64)
        return 'int64';
    if (Array.isArray(v))
        return '[]interface {}';
    if (v instanceof GoFunc)
        return 'func';
    return 'map[string]interface {}';
}
/** Go's truth (text/template isTrue): empty, zero and nil are false. */
function isTrue(v) {
    if (v === undefined || v === null)
        return false;
    if (typeof v === 'string')
        return v.length > 0;
    if (typeof v === 'boolean')
        return v;
    if (typeof v === 'bigint')
        return v !== 0n;
    if (typeof v === 'number')
        return v !== 0;
    if (v instanceof Int64)
        return v.v !== 0n;
    if (Array.isArray(v))
        return v.length > 0;
    if (v instanceof Map)
        return v.size > 0;
    return true;
}
/** Converts parsed JSON into values: integral numbers become `int`, others `float64`. */
function fromJSON(j) {
    if (j === null || j === undefined)
        return null;
    if (typeof j === 'string' || typeof j === 'boolean')
        return j;
    if (typeof j === 'number')
        return Number.isInteger(j) ? BigInt(j) : j;
    if (Array.isArray(j))
        return j.map(fromJSON);
    const m = new Map();
    for (const [k, v] of Object.entries(j))
        m.set(k, fromJSON(v));
    return m;
}
/** Byte length of a Go string (UTF-8). */
function byteLen(s) {
    return new TextEncoder().encode(s).length;
}

;// CONCATENATED MODULE: ./.build/template/print.js
// Go's fmt %v printing of template values, which text/template uses for every action's output.

/** strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v prints a float64. */
function formatFloat(f) {
    if (Number.isNaN(f))
        return 'NaN';
    if (f === Number.POSITIVE_INFINITY)
        return '+Inf';
    if (f === Number.NEGATIVE_INFINITY)
        return '-Inf';
    if (f === 0)
        return Object.is(f, -0) ? '-0' : '0';
    const e = f.toExponential();
    const at = e.indexOf('e');
    const exp = Number(e.slice(at + 1));
    // strconv's shortest 'g' switches to an exponent below 1e-4 and from 1e6 (it uses precision 6
    // for that decision), so float64(1234567) prints as 1.234567e+06.
    if (exp < -4 || exp >= 6) {
        const mant = e.slice(0, at);
        const sign = exp < 0 ? '-' : '+';
        const digits = String(Math.abs(exp)).padStart(2, '0');
        return `${mant}e${sign}${digits}`;
    }
    return String(f);
}
/** fmt.Sprint(v) for one value (the "%v" verb). */
function formatValue(v) {
    if (v === undefined)
        return '<no value>';
    if (v === null)
        return '<nil>';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'bigint')
        return v.toString();
    if (typeof v === 'number')
        return formatFloat(v);
    if (v instanceof Int64)
        return v.v.toString();
    if (v instanceof GoFunc)
        return `0x${v.name}`;
    if (Array.isArray(v))
        return `[${v.map(nested).join(' ')}]`;
    const keys = [...v.keys()].sort();
    return `map[${keys.map((k) => `${k}:${nested(v.get(k))}`).join(' ')}]`;
}
function nested(v) {
    return v === undefined ? '<nil>' : formatValue(v);
}
function isStringValue(v) {
    return typeof v === 'string';
}
/** fmt.Sprint(args...): spaces between operands when neither side is a string. */
function sprint(args) {
    let out = '';
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (i > 0 && !isStringValue(a) && !isStringValue(args[i - 1]))
            out += ' ';
        out += a === undefined ? '<nil>' : formatValue(a);
    }
    return out;
}
/** fmt.Sprintln(args...): always spaces, then a newline. */
function sprintln(args) {
    return `${args.map((a) => (a === undefined ? '<nil>' : formatValue(a))).join(' ')}\n`;
}

;// CONCATENATED MODULE: ./.build/template/limits.js
// Bounds on the work one template may make the evaluator do. Templates come from pull requests:
// without them `range 1000000000`, `repeat 1000000000 "x"`, a `template` calling itself twice or a
// string doubled in a loop would hang the run or exhaust its memory. Go's text/template has no such
// bound; KOTS's install would hang or fail on such a file as well, so stopping it loses nothing.

/** Nodes walked, range iterations and function calls, at least, per render. */
const MIN_STEPS = 5_000_000;
/** Characters of output, at least, per render. */
const MIN_OUTPUT_CHARS = 64 * 1024 * 1024;
/** Characters (or list items) one function may build. */
const MAX_VALUE_CHARS = 16 * 1024 * 1024;
/** Steps all renders of one app may take together (manifests and Config items alike): without it
 *  many files, each within its own budget, could still keep a run busy for hours. */
const RUN_STEPS = 50_000_000;
function stepPool() {
    return { used: 0, max: RUN_STEPS };
}
/** A render's budget: generous for real files, and growing with the source so that a large file
 *  with many plain templates still renders. */
function budgetFor(source, pool) {
    return {
        ...(pool ? { pool } : {}),
        steps: 0,
        maxSteps: Math.max(MIN_STEPS, 2 * source.length),
        chars: 0,
        maxChars: Math.max(MIN_OUTPUT_CHARS, 2 * source.length),
    };
}
/** Refuses, before building it, a value of `size` characters or items past MAX_VALUE_CHARS. */
function ensureValueSize(size, what) {
    if (Number(size) > MAX_VALUE_CHARS)
        throw new FuncError(`${what} would be ${String(size)} long, more than this preview's limit of ${MAX_VALUE_CHARS}`);
}

;// CONCATENATED MODULE: ./.build/template/printf.js
// A subset of Go's fmt.Sprintf verbs (v s d q t f e g x X T c %); any other verb is a clear error.




function quote(s) {
    return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => c);
}
function bad(verb, v) {
    return `%!${verb}(${typeName(v)}=${formatValue(v ?? null)})`;
}
function pad(s, width, minus, zero) {
    if (width === undefined || s.length >= width)
        return s;
    if (minus)
        return s.padEnd(width, ' ');
    if (zero) {
        const sign = /^[+-]/.test(s) ? s[0] : '';
        return sign + s.slice(sign.length).padStart(width - sign.length, '0');
    }
    return s.padStart(width, ' ');
}
function sprintf(format, args) {
    let out = '';
    let ai = 0;
    const re = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/y;
    for (let i = 0; i < format.length;) {
        const c = format[i];
        if (c !== '%') {
            out += c;
            i++;
            continue;
        }
        re.lastIndex = i;
        const m = re.exec(format);
        if (!m)
            throw new FuncError(`printf: unsupported format at ${JSON.stringify(format.slice(i))}`);
        i = re.lastIndex;
        const [, flags = '', w, p, verb = ''] = m;
        if (verb === '%') {
            out += '%';
            continue;
        }
        if (ai >= args.length) {
            out += `%!${verb}(MISSING)`;
            continue;
        }
        const v = args[ai++] ?? null;
        const width = w === undefined ? undefined : Number(w);
        if (width !== undefined)
            ensureValueSize(width, 'the padded value');
        const prec = p === undefined ? undefined : Number(p);
        if (prec !== undefined)
            ensureValueSize(prec, 'the formatted value');
        const minus = flags.includes('-');
        const zero = flags.includes('0') && !minus;
        const plus = flags.includes('+');
        let s;
        const n = intOf(v);
        switch (verb) {
            case 'v':
                if (flags.includes('#') || plus)
                    throw new FuncError(`printf: %${flags}v is not supported`);
                s = formatValue(v);
                break;
            case 's':
                if (typeof v === 'string')
                    s = v;
                else if (Array.isArray(v) || v instanceof Map) {
                    const leaves = Array.isArray(v) ? v : [...v.values()];
                    if (!leaves.every((e) => typeof e === 'string'))
                        throw new FuncError(`printf: %s of ${typeName(v)} with non-string elements is not supported`);
                    s = formatValue(v);
                }
                else
                    s = v === null ? '%!s(<nil>)' : bad('s', v);
                if (prec !== undefined)
                    s = [...s].slice(0, prec).join('');
                break;
            case 'q':
                if (typeof v !== 'string')
                    throw new FuncError(`printf: %q of ${typeName(v)} is not supported`);
                s = quote(v);
                break;
            case 'd':
                s = n === undefined ? bad('d', v) : (plus && n >= 0n ? '+' : '') + n.toString();
                break;
            case 't':
                s = typeof v === 'boolean' ? String(v) : bad('t', v);
                break;
            case 'x':
            case 'X': {
                if (n !== undefined)
                    s = (n < 0n ? '-' : '') + (n < 0n ? -n : n).toString(16);
                else if (typeof v === 'string')
                    s = Buffer.from(v).toString('hex');
                else
                    throw new FuncError(`printf: %${verb} of ${typeName(v)} is not supported`);
                if (verb === 'X')
                    s = s.toUpperCase();
                break;
            }
            case 'c':
                s = n === undefined ? bad('c', v) : String.fromCodePoint(Number(n));
                break;
            case 'f':
            case 'e':
            case 'g': {
                const x = typeof v === 'number' ? v : undefined;
                if (x === undefined) {
                    s = bad(verb, v);
                    break;
                }
                if (verb === 'f')
                    s = x.toFixed(prec ?? 6);
                else if (verb === 'e')
                    s = x.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
                else if (prec === undefined)
                    s = formatFloat(x);
                else
                    throw new FuncError('printf: %g with a precision is not supported');
                if (plus && x >= 0)
                    s = `+${s}`;
                break;
            }
            case 'T':
                s = typeName(v);
                break;
            default:
                throw new FuncError(`printf: verb %${verb} is not supported`);
        }
        out += pad(s, width, minus, zero && verb !== 's' && verb !== 'v');
    }
    if (ai < args.length)
        out += `%!(EXTRA ${args
            .slice(ai)
            .map((a) => `${typeName(a)}=${formatValue(a ?? null)}`)
            .join(', ')})`;
    return out;
}

;// CONCATENATED MODULE: ./.build/template/builtins.js
// text/template's predefined functions (text/template/funcs.go).





function kind(v) {
    if (v === undefined || v === null)
        return 'invalid';
    if (typeof v === 'boolean')
        return 'bool';
    if (typeof v === 'bigint' || v instanceof Int64)
        return 'int';
    if (typeof v === 'number')
        return 'float';
    if (typeof v === 'string')
        return 'string';
    return 'other';
}
function eq(a, ...rest) {
    if (rest.length === 0)
        throw new FuncError('missing argument for comparison');
    const k1 = kind(a);
    for (const b of rest) {
        const k2 = kind(b);
        let truth;
        if (k1 !== k2) {
            if (k1 !== 'invalid' && k2 !== 'invalid')
                throw new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
            truth = false;
        }
        else if (k1 === 'int')
            truth = intOf(a) === intOf(b);
        else if (k1 === 'other')
            throw new FuncError(`non-comparable types ${typeName(a)}: ${typeName(b)}`);
        else if (k1 === 'invalid')
            truth = true;
        else
            truth = a === b;
        if (truth)
            return true;
    }
    return false;
}
function lt(a, b) {
    const k1 = kind(a);
    const k2 = kind(b);
    if (k1 === 'bool' ||
        k1 === 'other' ||
        k1 === 'invalid' ||
        k2 === 'bool' ||
        k2 === 'other' ||
        k2 === 'invalid')
        throw new FuncError('invalid type for comparison');
    if (k1 !== k2)
        throw new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
    if (k1 === 'int')
        return intOf(a) < intOf(b);
    if (k1 === 'string')
        return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
    return a < b;
}
function index(item, ...idx) {
    let cur = item;
    if (cur === undefined || cur === null)
        throw new FuncError('index of untyped nil');
    for (const i of idx) {
        if (cur === undefined || cur === null)
            throw new FuncError('index of nil pointer');
        if (Array.isArray(cur) || typeof cur === 'string') {
            const n = intOf(i ?? null);
            if (n === undefined)
                throw new FuncError(`cannot index slice/array with type ${typeName(i)}`);
            const len = typeof cur === 'string' ? byteLen(cur) : cur.length;
            if (n < 0n || n >= BigInt(len))
                throw new FuncError(`index out of range: ${n}`);
            if (typeof cur === 'string')
                cur = BigInt(Buffer.from(cur)[Number(n)]);
            else
                cur = cur[Number(n)] ?? null;
        }
        else if (cur instanceof Map) {
            if (typeof i !== 'string')
                throw new FuncError(`value has type ${typeName(i)}; should be string`);
            const v = cur.get(i);
            cur = v === undefined ? null : v;
        }
        else
            throw new FuncError(`can't index item of type ${typeName(cur)}`);
    }
    return cur;
}
function len(v) {
    if (typeof v === 'string')
        return BigInt(byteLen(v));
    if (Array.isArray(v))
        return BigInt(v.length);
    if (v instanceof Map)
        return BigInt(v.size);
    if (v === undefined)
        throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
    throw new FuncError(`len of type ${typeName(v)}`);
}
function htmlEscape(s) {
    return s.replace(/[<>&'"\0]/g, (c) => c === '<'
        ? '&lt;'
        : c === '>'
            ? '&gt;'
            : c === '&'
                ? '&amp;'
                : c === "'"
                    ? '&#39;'
                    : c === '"'
                        ? '&#34;'
                        : '\uFFFD');
}
function jsEscape(s) {
    let out = '';
    for (const c of s) {
        const cp = c.codePointAt(0);
        if (c === '\\')
            out += '\\\\';
        else if (c === "'")
            out += "\\'";
        else if (c === '"')
            out += '\\"';
        else if ('<>&='.includes(c))
            out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        else if (cp < 0x20)
            out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        else
            out += c;
    }
    return out;
}
/** Go's url.QueryEscape. */
function queryEscape(s) {
    let out = '';
    for (const b of Buffer.from(s)) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c))
            out += c;
        else if (c === ' ')
            out += '+';
        else
            out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
/** Go's evalArgs for html/js/urlquery: one string argument is used as is, otherwise fmt.Sprint. */
function evalArgs(args) {
    if (args.length === 1 && typeof args[0] === 'string')
        return args[0];
    return sprint(args);
}
function builtins() {
    return new Map([
        ['and', fv(['value'], 'value', () => null)],
        ['or', fv(['value'], 'value', () => null)],
        ['not', f(['value'], (v) => !isTrue(v))],
        ['len', f(['value'], len)],
        ['index', fv(['value'], 'value', index)],
        ['print', fv([], 'any', (...a) => sprint(a))],
        ['println', fv([], 'any', (...a) => sprintln(a))],
        ['printf', fv(['string'], 'any', (fmt, ...a) => sprintf(fmt, a))],
        ['html', fv([], 'any', (...a) => htmlEscape(evalArgs(a)))],
        ['js', fv([], 'any', (...a) => jsEscape(evalArgs(a)))],
        ['urlquery', fv([], 'any', (...a) => queryEscape(evalArgs(a)))],
        [
            'call',
            fv(['value'], 'value', (fn, ...a) => {
                if (!(fn instanceof GoFunc))
                    throw new FuncError(`non-function of type ${typeName(fn)}`);
                return fn.fn(a);
            }),
        ],
        ['eq', fv(['value'], 'value', eq)],
        ['ne', f(['value', 'value'], (a, b) => !eq(a, b))],
        ['lt', f(['value', 'value'], (a, b) => lt(a, b))],
        ['le', f(['value', 'value'], (a, b) => lt(a, b) || eq(a, b))],
        ['gt', f(['value', 'value'], (a, b) => !lt(a, b) && !eq(a, b))],
        ['ge', f(['value', 'value'], (a, b) => !lt(a, b))],
    ]);
}

;// CONCATENATED MODULE: ./.build/template/ast.js
// Parse tree of a Go text/template (text/template/parse/node.go), reduced to what exec needs.
/** Renders an argument the way Go's String() methods do (used in error context `<...>`). */
function argString(a) {
    switch (a.kind) {
        case 'field':
            return a.ident.map((i) => `.${i}`).join('');
        case 'chain':
            return `${a.node.kind === 'pipe' ? `(${pipeString(a.node.pipe)})` : argString(a.node)}${a.field.map((f) => `.${f}`).join('')}`;
        case 'identifier':
            return a.name;
        case 'variable':
            return a.ident.join('.');
        case 'dot':
            return '.';
        case 'nil':
            return 'nil';
        case 'bool':
            return String(a.value);
        case 'number':
        case 'string':
            return a.text;
        case 'pipe':
            return `(${pipeString(a.pipe)})`;
    }
}
function cmdString(c) {
    return c.args.map((a) => (a.kind === 'pipe' ? `(${pipeString(a.pipe)})` : argString(a))).join(' ');
}
function pipeString(p) {
    const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
    return decl + p.cmds.map(cmdString).join(' | ');
}

;// CONCATENATED MODULE: ./.build/template/exec-args.js

function goType(t) {
    switch (t) {
        case 'any':
            return 'interface {}';
        case 'value':
            return 'reflect.Value';
        case 'list':
            return '[]interface {}';
        case 'map':
            return 'map[string]interface {}';
        default:
            return t;
    }
}
/** An untyped number constant given to interface{}: float64 when written as a float, else int. */
function idealConstant(n) {
    const c = n.num;
    const hex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (c.isFloat && !hex && !n.text.startsWith("'") && /[.eEpP]/.test(n.text))
        return { value: c.float };
    if (c.isInt)
        return { value: c.int };
    return { error: `${n.text} overflows int` };
}
/** A bool, number or string constant passed to a parameter of type `t`. */
function constantArg(a, t) {
    const ctx = a.kind === 'number' || a.kind === 'string' ? a.text : a.kind === 'bool' ? String(a.value) : a.kind;
    const ok = (value) => ({ value });
    switch (t) {
        case 'string':
            if (a.kind === 'string')
                return ok(a.value);
            return { error: `expected string; found ${ctx}` };
        case 'bool':
            if (a.kind === 'bool')
                return ok(a.value);
            return { error: `expected bool; found ${ctx}` };
        case 'int':
        case 'int64':
            if (a.kind === 'number' && a.num.isInt)
                return ok(t === 'int' ? a.num.int : new Int64(a.num.int));
            return { error: `expected integer; found ${ctx}` };
        case 'float64':
            if (a.kind === 'number' && a.num.isFloat)
                return ok(a.num.float);
            return { error: `expected float; found ${ctx}` };
        case 'any':
        case 'value':
            if (a.kind === 'bool')
                return ok(a.value);
            if (a.kind === 'string')
                return ok(a.value);
            return a.kind === 'number' ? idealConstant(a) : { error: `can't handle ${ctx}` };
        default:
            return { error: `can't handle ${ctx} for arg of type ${goType(t)}` };
    }
}
/** A computed value passed to a parameter of type `t` (nil fits interfaces, lists and maps). */
function assignable(v, t) {
    if (t === 'value')
        return { value: v };
    if (v === undefined || v === null) {
        // "No value" fits any nil-able type; a nil interface{} is assignable only to interface{}.
        if (t === 'any' || (v === undefined && (t === 'list' || t === 'map')))
            return { value: null };
        return {
            error: v === undefined
                ? `invalid value; expected ${goType(t)}`
                : `wrong type for value; expected ${goType(t)}; got interface {}`,
        };
    }
    const ok = t === 'any' ||
        (t === 'string' && typeof v === 'string') ||
        (t === 'bool' && typeof v === 'boolean') ||
        (t === 'int' && typeof v === 'bigint') ||
        (t === 'int64' && v instanceof Int64) ||
        (t === 'float64' && typeof v === 'number') ||
        (t === 'list' && Array.isArray(v)) ||
        (t === 'map' && v instanceof Map);
    return ok ? { value: v } : { error: `wrong type for value; expected ${goType(t)}; got ${typeName(v)}` };
}

;// CONCATENATED MODULE: ./.build/template/exec-state.js



class ExecState {
    input;
    tmpl;
    vars;
    out;
    depth;
    budget;
    constructor(input, tmpl, vars, out, depth, budget) {
        this.input = input;
        this.tmpl = tmpl;
        this.vars = vars;
        this.out = out;
        this.depth = depth;
        this.budget = budget;
    }
    /** One unit of work; past the budget the render stops with an error at `at`. */
    step(at, context) {
        if (++this.budget.steps > this.budget.maxSteps)
            this.fail(at, context, `template stopped after ${this.budget.maxSteps} steps (this preview's limit)`);
        const pool = this.budget.pool;
        if (pool && ++pool.used > pool.max)
            this.fail(at, context, `templates stopped after ${pool.max} steps in all files (this preview's limit)`);
    }
    /** Output written; past the budget the render stops with an error at `at`. */
    emitted(at, context, text) {
        this.budget.chars += text.length;
        if (this.budget.chars > this.budget.maxChars)
            this.fail(at, context, `output passed ${this.budget.maxChars} characters (this preview's limit)`);
    }
    fail(at, context, msg) {
        const before = this.input.source.slice(0, at.pos);
        const col = at.pos - (before.lastIndexOf('\n') + 1);
        const m = `template: ${this.input.name}:${at.line}:${col}: executing ${JSON.stringify(this.tmpl)} at <${context}>: ${msg}`;
        throw new TemplateError(m, this.input.name, at.line);
    }
    print(at, v) {
        if (v instanceof GoFunc)
            this.fail(at, 'print', `can't print ${v.name} of type func`);
        const text = formatValue(v);
        this.emitted(at, 'print', text);
        this.out.push(text);
        return text;
    }
    setVar(at, name, v) {
        for (let i = this.vars.length - 1; i >= 0; i--) {
            const slot = this.vars[i];
            if (slot && slot.name === name) {
                slot.value = v;
                return;
            }
        }
        this.fail(at, name, `undefined variable: ${name}`);
    }
    /** Sets the variable `n` places from the top of the stack (range's declared variables). */
    setTopVar(n, v) {
        const slot = this.vars[this.vars.length - n];
        if (slot)
            slot.value = v;
    }
    varValue(at, name) {
        for (let i = this.vars.length - 1; i >= 0; i--) {
            const slot = this.vars[i];
            if (slot && slot.name === name)
                return slot.value;
        }
        return this.fail(at, name, `undefined variable: ${name}`);
    }
}

;// CONCATENATED MODULE: ./.build/template/exec-eval.js
// Evaluation of pipelines and their commands (text/template/exec.go evalPipeline, evalCommand,
// evalField, evalFunction, evalCall, evalArg): fields of maps, variables, constants, function calls
// with Go's argument counts and types, and the short-circuit `and`/`or`.






/** No value piped in yet: the first command of a pipeline, unlike a piped `undefined`. */
const MISSING = Symbol('missing');
class Evaluator extends ExecState {
    evalPipeline(dot, pipe) {
        let value = MISSING;
        for (const cmd of pipe.cmds) {
            value = this.evalCommand(dot, cmd, value);
            // Go digs one level into interface{} results: a nil interface becomes "no value".
            if (value === null)
                value = undefined;
        }
        const v = value === MISSING ? undefined : value;
        for (const d of pipe.decl) {
            if (pipe.isAssign)
                this.setVar(pipe, d, v);
            else
                this.vars.push({ name: d, value: v });
        }
        return v;
    }
    evalCommand(dot, cmd, final) {
        const first = cmd.args[0];
        switch (first.kind) {
            case 'field':
                return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
            case 'chain': {
                const recv = this.evalArg(dot, 'any', first.node, true);
                return this.evalFieldChain(dot, recv, first, first.field, cmd.args, final);
            }
            case 'identifier':
                return this.evalFunction(dot, first.name, first, cmd, final);
            case 'pipe':
                this.notAFunction(cmd, final);
                return this.evalPipeline(dot, first.pipe);
            case 'variable': {
                const v = this.varValue(first, first.ident[0]);
                if (first.ident.length === 1) {
                    this.notAFunction(cmd, final);
                    return v;
                }
                return this.evalFieldChain(dot, v, first, first.ident.slice(1), cmd.args, final);
            }
        }
        this.notAFunction(cmd, final);
        switch (first.kind) {
            case 'bool':
                return first.value;
            case 'dot':
                return dot;
            case 'nil':
                return this.fail(first, 'nil', 'nil is not a command');
            case 'number':
                return this.idealConstant(first);
            case 'string':
                return first.value;
        }
    }
    notAFunction(cmd, final) {
        if (cmd.args.length > 1 || final !== MISSING)
            this.fail(cmd, cmdString(cmd), `can't give argument to non-function ${argString(cmd.args[0])}`);
    }
    idealConstant(n) {
        const r = idealConstant(n);
        return 'error' in r ? this.fail(n, n.text, r.error) : r.value;
    }
    evalFieldChain(_dot, recv, at, ident, args, final) {
        let r = recv;
        for (let i = 0; i < ident.length - 1; i++)
            r = this.evalField(ident[i], at, [], MISSING, r);
        return this.evalField(ident[ident.length - 1], at, args, final, r);
    }
    evalField(name, at, args, final, recv) {
        if (recv === undefined)
            return undefined;
        if (recv === null)
            return this.fail(at, argString(at), `nil pointer evaluating interface {}.${name}`);
        if (recv instanceof Map) {
            if (args.length > 1 || final !== MISSING)
                this.fail(at, argString(at), `${name} is not a method but has arguments`);
            // A missing key is "no value" (missingkey=default); a stored nil stays a nil interface.
            return recv.get(name);
        }
        return this.fail(at, argString(at), `can't evaluate field ${name} in type ${typeName(recv)}`);
    }
    evalFunction(dot, name, at, cmd, final) {
        const fn = this.input.funcs.get(name);
        if (!fn)
            return this.fail(at, name, `${JSON.stringify(name)} is not a defined function`);
        const args = cmd.args.slice(1);
        if (name === 'and' || name === 'or')
            return this.evalAndOr(dot, name, cmd, args, final);
        return this.evalCall(dot, fn, name, cmd, args, final);
    }
    evalAndOr(dot, name, cmd, args, final) {
        if (args.length === 0 && final === MISSING)
            this.fail(cmd, cmdString(cmd), `wrong number of args for ${name}: want at least 1 got 0`);
        let v;
        for (const a of args) {
            v = this.evalArg(dot, 'value', a);
            if (isTrue(v) === (name === 'or'))
                return v;
        }
        if (final !== MISSING)
            v = final;
        return v;
    }
    evalCall(dot, fn, name, cmd, args, final) {
        const numIn = args.length + (final === MISSING ? 0 : 1);
        const fixed = fn.params.length;
        if (fn.variadic !== undefined ? numIn < fixed : numIn !== fixed) {
            const want = fn.variadic !== undefined ? `at least ${fixed}` : `${fixed}`;
            this.fail(cmd, cmdString(cmd), `wrong number of args for ${name}: want ${want} got ${numIn}`);
        }
        const typeAt = (i) => i < fixed ? fn.params[i] : fn.variadic;
        const argv = args.map((a, i) => this.evalArg(dot, typeAt(i), a));
        if (final !== MISSING)
            argv.push(this.validateType(cmd, cmdString(cmd), final, typeAt(args.length)));
        this.step(cmd, cmdString(cmd));
        let r;
        try {
            r = fn.fn(...argv);
        }
        catch (e) {
            if (e instanceof TemplateError)
                throw e;
            const msg = e instanceof FuncError || e instanceof Error ? e.message : String(e);
            return this.fail(cmd, cmdString(cmd), `error calling ${name}: ${msg}`);
        }
        // A value grown step by step (a string doubled in a loop) is stopped here.
        if ((typeof r === 'string' || Array.isArray(r)) && r.length > MAX_VALUE_CHARS)
            this.fail(cmd, cmdString(cmd), `error calling ${name}: result longer than this preview's limit of ${MAX_VALUE_CHARS}`);
        return r;
    }
    evalArg(dot, t, a, chainRecv = false) {
        const ctx = argString(a);
        switch (a.kind) {
            case 'dot':
                return this.validateType(a, ctx, dot, t);
            case 'nil':
                if (['any', 'list', 'map', 'value'].includes(t))
                    return null;
                return this.fail(a, ctx, `cannot assign nil to ${goType(t)}`);
            case 'field':
                return this.validateType(a, ctx, this.evalFieldChain(dot, dot, a, a.ident, [a], MISSING), t);
            case 'pipe':
                return this.validateType(a, ctx, this.evalPipeline(dot, a.pipe), t);
            case 'identifier':
                return this.validateType(a, ctx, this.evalFunction(dot, a.name, a, { args: [a], pos: a.pos, line: a.line }, MISSING), t);
            case 'variable':
            case 'chain':
                return this.validateType(a, ctx, this.evalCommand(dot, { args: [a], pos: a.pos, line: a.line }, MISSING), t);
        }
        if (chainRecv)
            return this.evalCommand(dot, { args: [a], pos: a.pos, line: a.line }, MISSING);
        const r = constantArg(a, t);
        return 'error' in r ? this.fail(a, ctx, r.error) : r.value;
    }
    validateType(at, ctx, v, t) {
        const r = assignable(v, t);
        return 'error' in r ? this.fail(at, ctx, r.error) : r.value;
    }
}

;// CONCATENATED MODULE: ./.build/template/exec.js
// Executor for Go's text/template (text/template/exec.go): walks the parse tree with Go's rules for
// text, actions, if/with, range with break/continue, and nested templates. Pipelines are evaluated
// by exec-eval.ts; variables, budget and errors live in exec-state.ts.






// Thrown by {{break}} and {{continue}} and caught by the innermost range.
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const exec_MAX_DEPTH = 1000;
function execute(input, data) {
    const root = input.set.get(input.name);
    if (!root)
        throw new TemplateError(`template: ${input.name}: no such template`, input.name, 0);
    const out = [];
    const budget = budgetFor(input.source, input.pool);
    new TreeWalker(input, input.name, [{ name: '$', value: data }], out, 0, budget).walk(data, root);
    return out.join('');
}
class TreeWalker extends Evaluator {
    walk(dot, list) {
        for (const n of list.nodes)
            this.walkNode(dot, n);
    }
    walkNode(dot, n) {
        this.step(n, n.kind);
        switch (n.kind) {
            case 'text':
                this.emitted(n, 'text', n.text);
                this.out.push(n.text);
                this.input.hooks?.emit({ text: n.text, start: n.pos, end: n.pos + n.text.length, action: false });
                return;
            case 'action': {
                const v = this.evalPipeline(dot, n.pipe);
                if (n.pipe.decl.length === 0) {
                    const text = this.print(n.pipe, v);
                    this.input.hooks?.emit({
                        text,
                        start: n.start,
                        end: n.end,
                        action: true,
                        pipe: pipeString(n.pipe),
                    });
                }
                return;
            }
            case 'if':
            case 'with': {
                const mark = this.vars.length;
                const v = this.evalPipeline(dot, n.pipe);
                if (v instanceof GoFunc)
                    this.fail(n.pipe, 'if', `if/with can't use ${formatValue(v)}`);
                this.input.hooks?.enter();
                try {
                    if (isTrue(v))
                        this.walk(n.kind === 'with' ? v : dot, n.list);
                    else if (n.elseList)
                        this.walk(dot, n.elseList);
                }
                finally {
                    this.input.hooks?.leave();
                }
                this.vars.length = mark;
                return;
            }
            case 'range':
                this.walkRange(dot, n);
                return;
            case 'break':
                throw BREAK;
            case 'continue':
                throw CONTINUE;
            case 'template': {
                const t = this.input.set.get(n.name);
                if (!t)
                    this.fail(n, `template ${n.name}`, `template ${JSON.stringify(n.name)} not defined`);
                if (this.depth >= exec_MAX_DEPTH)
                    this.fail(n, `template ${n.name}`, `exceeded maximum template depth (${exec_MAX_DEPTH})`);
                const d = n.pipe ? this.evalPipeline(dot, n.pipe) : undefined;
                new TreeWalker(this.input, n.name, [{ name: '$', value: d }], this.out, this.depth + 1, this.budget).walk(d, t);
                return;
            }
        }
    }
    walkRange(dot, n) {
        const outer = this.vars.length;
        const v = this.evalPipeline(dot, n.pipe);
        const mark = this.vars.length;
        const decl = n.pipe.decl;
        this.input.hooks?.enter();
        const one = (index, elem) => {
            this.step(n, 'range');
            if (decl.length > 0) {
                if (n.pipe.isAssign)
                    this.setVar(n.pipe, decl[0], decl.length > 1 ? index : elem);
                else
                    this.setTopVar(1, elem);
            }
            if (decl.length > 1) {
                if (n.pipe.isAssign)
                    this.setVar(n.pipe, decl[1], elem);
                else
                    this.setTopVar(2, index);
            }
            try {
                this.walk(elem, n.list);
            }
            catch (e) {
                if (e === BREAK)
                    return false;
                if (e !== CONTINUE)
                    throw e;
            }
            finally {
                this.vars.length = mark;
            }
            return true;
        };
        let ran = false;
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                ran = true;
                if (!one(BigInt(i), v[i] ?? null))
                    break;
            }
        }
        else if (v instanceof Map) {
            for (const k of [...v.keys()].sort()) {
                ran = true;
                if (!one(k, v.get(k) ?? null))
                    break;
            }
        }
        else if (typeof v === 'bigint' || v instanceof Int64) {
            if (decl.length > 1)
                this.fail(n.pipe, argString(n.pipe.cmds[0]?.args[0]), `can't use ${formatValue(v)} to iterate over more than one variable`);
            const count = typeof v === 'bigint' ? v : v.v;
            for (let i = 0n; i < count; i++) {
                ran = true;
                const iv = typeof v === 'bigint' ? i : new Int64(i);
                if (!one(iv, iv))
                    break;
            }
        }
        else if (v !== undefined && v !== null) {
            const c = n.pipe.cmds[n.pipe.cmds.length - 1];
            this.fail(c, cmdString(c), `range can't iterate over ${formatValue(v)}`);
        }
        if (!ran && n.elseList)
            this.walk(dot, n.elseList);
        this.input.hooks?.leave();
        this.vars.length = outer;
    }
}

;// CONCATENATED MODULE: ./.build/template/lexer.js
// Lexer for Go's text/template (text/template/parse/lex.go): text, delimiters with `-` trim markers,
// comments, and the tokens inside actions.
const KEYWORDS = new Set([
    'block',
    'break',
    'continue',
    'define',
    'else',
    'end',
    'if',
    'range',
    'template',
    'with',
]);
function isSpace(c) {
    return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
function isAlnum(c) {
    return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}
const NUMBER = /^[+-]?(?:0[xX](?:[0-9a-fA-F_]*\.?[0-9a-fA-F_]*)(?:[pP][+-]?[0-9_]+)?|0[oObB][0-9a-fA-F_]*|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/;
/** Splits a template into items; stops after the first error item. */
function lex(input, leftDelim, rightDelim) {
    const ld = leftDelim || '{{';
    const rd = rightDelim || '}}';
    const items = [];
    let pos = 0;
    let line = 1;
    const lineAt = (p) => {
        let n = line;
        for (let i = pos; i < p; i++)
            if (input[i] === '\n')
                n++;
        return n;
    };
    const emit = (type, end, val) => {
        items.push({ type, val: val ?? input.slice(pos, end), pos, line });
        line = lineAt(end);
        pos = end;
    };
    const fail = (msg) => {
        items.push({ type: 'error', val: msg, pos, line });
        return items;
    };
    const atRightDelim = (p) => {
        if (isSpace(input[p] ?? '') && input[p + 1] === '-' && input.startsWith(rd, p + 2))
            return [true, true];
        if (input.startsWith(rd, p))
            return [true, false];
        return [false, false];
    };
    for (;;) {
        // Text up to the next left delimiter.
        const next = input.indexOf(ld, pos);
        if (next < 0) {
            if (pos < input.length)
                emit('text', input.length);
            items.push({ type: 'eof', val: '', pos, line });
            return items;
        }
        let textEnd = next;
        const trimLeft = input[next + ld.length] === '-' && isSpace(input[next + ld.length + 1] ?? '');
        if (trimLeft)
            while (textEnd > pos && isSpace(input[textEnd - 1]))
                textEnd--;
        if (textEnd > pos)
            emit('text', textEnd);
        line = lineAt(next);
        pos = next;
        let p = next + ld.length + (trimLeft ? 2 : 0);
        // Comments must follow the delimiter (and trim marker) directly.
        if (input.startsWith('/*', p)) {
            const close = input.indexOf('*/', p + 2);
            if (close < 0)
                return fail('unclosed comment');
            const after = close + 2;
            const [isDelim, trimRight] = atRightDelim(after);
            if (!isDelim)
                return fail('comment ends before closing delimiter');
            emit('comment', after, input.slice(p, after));
            let q = after + (trimRight ? 2 : 0) + rd.length;
            if (trimRight)
                while (q < input.length && isSpace(input[q]))
                    q++;
            line = lineAt(q);
            pos = q;
            continue;
        }
        emit('leftDelim', p);
        let parenDepth = 0;
        for (;;) {
            const [isDelim, trimRight] = atRightDelim(pos);
            if (isDelim) {
                if (parenDepth > 0)
                    return fail('unclosed left paren');
                p = pos + (trimRight ? 2 : 0) + rd.length;
                emit('rightDelim', p, rd);
                if (trimRight) {
                    let q = pos;
                    while (q < input.length && isSpace(input[q]))
                        q++;
                    line = lineAt(q);
                    pos = q;
                }
                break;
            }
            if (pos >= input.length)
                return fail('unclosed action');
            const c = input[pos];
            if (isSpace(c)) {
                let q = pos;
                while (q < input.length && isSpace(input[q]) && !atRightDelim(q)[1])
                    q++;
                if (q === pos)
                    q++;
                emit('space', q);
            }
            else if (c === '=')
                emit('assign', pos + 1);
            else if (c === ':') {
                if (input[pos + 1] !== '=')
                    return fail('expected :=');
                emit('declare', pos + 2);
            }
            else if (c === '|')
                emit('pipe', pos + 1);
            else if (c === ',')
                emit('comma', pos + 1);
            else if (c === '(') {
                parenDepth++;
                emit('leftParen', pos + 1);
            }
            else if (c === ')') {
                parenDepth--;
                if (parenDepth < 0)
                    return fail('unexpected right paren');
                emit('rightParen', pos + 1);
            }
            else if (c === '"') {
                let q = pos + 1;
                for (;;) {
                    const d = input[q];
                    if (d === undefined || d === '\n')
                        return fail('unterminated quoted string');
                    if (d === '\\')
                        q += 2;
                    else if (d === '"')
                        break;
                    else
                        q++;
                }
                emit('string', q + 1);
            }
            else if (c === '`') {
                const close = input.indexOf('`', pos + 1);
                if (close < 0)
                    return fail('unterminated raw quoted string');
                emit('rawString', close + 1);
            }
            else if (c === "'") {
                let q = pos + 1;
                for (;;) {
                    const d = input[q];
                    if (d === undefined || d === '\n')
                        return fail('unterminated character constant');
                    if (d === '\\')
                        q += 2;
                    else if (d === "'")
                        break;
                    else
                        q++;
                }
                emit('char', q + 1);
            }
            else if (c === '$' || c === '.' || isAlnum(c)) {
                if (c === '.' && /[0-9]/.test(input[pos + 1] ?? '')) {
                    if (!lexNumber())
                        return items;
                    continue;
                }
                if (/[0-9]/.test(c)) {
                    if (!lexNumber())
                        return items;
                    continue;
                }
                let q = pos + 1;
                while (q < input.length && isAlnum(input[q]))
                    q++;
                const word = input.slice(pos, q);
                if (!atTerminator(q))
                    return fail(`bad character ${JSON.stringify(input[q])}`);
                if (c === '$')
                    emit('variable', q);
                else if (c === '.')
                    emit(word === '.' ? 'dot' : 'field', q);
                else if (KEYWORDS.has(word))
                    emit('keyword', q);
                else if (word === 'true' || word === 'false')
                    emit('bool', q);
                else if (word === 'nil')
                    emit('nil', q);
                else
                    emit('identifier', q);
            }
            else if (c === '+' || c === '-') {
                if (!lexNumber())
                    return items;
            }
            else
                return fail(`unrecognized character in action: ${JSON.stringify(c)}`);
        }
    }
    function atTerminator(q) {
        const c = input[q];
        if (c === undefined || isSpace(c))
            return true;
        if ('.,|:()'.includes(c))
            return true;
        return input.startsWith(rd, q);
    }
    function lexNumber() {
        const m = NUMBER.exec(input.slice(pos));
        const text = m ? m[0] : '';
        const end = pos + text.length;
        if (text === '' || text === '+' || text === '-' || isAlnum(input[end] ?? '')) {
            const q = end + 1;
            fail(`bad number syntax: ${JSON.stringify(input.slice(pos, q))}`);
            return false;
        }
        emit('number', end);
        return true;
    }
}

;// CONCATENATED MODULE: ./.build/template/literal.js
const SIMPLE = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
};
/** Unquotes a Go "..." or '...' literal; throws on invalid syntax. */
function unquote(lit) {
    const q = lit[0];
    if (q === '`')
        return lit.slice(1, -1).replace(/\r/g, '');
    const body = lit.slice(1, -1);
    const bytes = [];
    const enc = new TextEncoder();
    for (let i = 0; i < body.length;) {
        const c = body[i];
        if (c !== '\\') {
            const cp = body.codePointAt(i);
            const ch = String.fromCodePoint(cp);
            if (ch === q)
                throw new Error('invalid syntax');
            bytes.push(...enc.encode(ch));
            i += ch.length;
            continue;
        }
        const e = body[i + 1];
        if (e === undefined)
            throw new Error('invalid syntax');
        if (e in SIMPLE) {
            bytes.push(SIMPLE[e].charCodeAt(0));
            i += 2;
        }
        else if (e === q) {
            bytes.push(q.charCodeAt(0));
            i += 2;
        }
        else if (e === 'x' || e === 'u' || e === 'U') {
            const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = body.slice(i + 2, i + 2 + n);
            if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex))
                throw new Error('invalid syntax');
            const v = Number.parseInt(hex, 16);
            if (e === 'x')
                bytes.push(v);
            else {
                if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
                    throw new Error('invalid syntax');
                bytes.push(...enc.encode(String.fromCodePoint(v)));
            }
            i += 2 + n;
        }
        else if (/[0-7]/.test(e)) {
            const oct = body.slice(i + 1, i + 4);
            if (!/^[0-7]{3}$/.test(oct))
                throw new Error('invalid syntax');
            const v = Number.parseInt(oct, 8);
            if (v > 255)
                throw new Error('invalid syntax');
            bytes.push(v);
            i += 4;
        }
        else
            throw new Error('invalid syntax');
    }
    const s = new TextDecoder().decode(new Uint8Array(bytes));
    if (q === "'" && [...s].length !== 1)
        throw new Error('invalid syntax');
    return s;
}
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
function parseIntBase0(text) {
    let t = text;
    let neg = false;
    if (t[0] === '+' || t[0] === '-') {
        neg = t[0] === '-';
        t = t.slice(1);
    }
    if (t.includes('_')) {
        if (/^_|_$|__/.test(t) || /^0[xXoObB]?_?$/.test(t))
            return undefined;
        t = t.replace(/_/g, '');
    }
    let v;
    if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[oO][0-7]+$/.test(t) || /^0[bB][01]+$/.test(t))
        v = BigInt(t.toLowerCase());
    else if (/^0[0-7]+$/.test(t))
        v = BigInt(`0o${t.slice(1)}`);
    else if (/^0[0-9]+$/.test(t))
        return undefined;
    else if (/^[0-9]+$/.test(t))
        v = BigInt(t);
    else
        return undefined;
    return neg ? -v : v;
}
/** Classifies a number token as parse.newNumber does. */
function parseNumber(text, isChar) {
    if (isChar) {
        const r = BigInt(unquote(text).codePointAt(0));
        return { isInt: true, isFloat: true, int: r, float: Number(r) };
    }
    if (text.endsWith('i'))
        throw new Error(`complex constants are not supported: ${text}`);
    const i = parseIntBase0(text);
    if (i !== undefined) {
        if (i >= INT64_MIN && i <= INT64_MAX)
            return { isInt: true, isFloat: true, int: i, float: Number(i) };
        throw new Error(`integer overflow: ${text}`);
    }
    if (/^[+-]?0[xX]/.test(text) || !/^[+-]?(\d[\d_]*)?\.?(\d[\d_]*)?([eE][+-]?\d[\d_]*)?$/.test(text))
        throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
    const f = Number(text.replace(/_/g, ''));
    if (!Number.isFinite(f))
        throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
    if (!/[.eEpP]/.test(text))
        throw new Error(`integer overflow: ${text}`);
    const isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
    return { isInt, isFloat: true, int: isInt ? BigInt(f) : 0n, float: f };
}

;// CONCATENATED MODULE: ./.build/template/parse-pipeline.js

function pipelineParser(s, scope) {
    const next = () => s.next();
    const peek = () => s.peek();
    const nextNonSpace = () => s.nextNonSpace();
    const peekNonSpace = () => s.peekNonSpace();
    const fail = (msg, it) => s.fail(msg, it);
    const unexpected = (it, ctx) => s.unexpected(it, ctx);
    const literal = (it) => s.literal(it);
    const pipeline = (ctx, end) => {
        const start = peekNonSpace();
        const pipe = { decl: [], isAssign: false, cmds: [], pos: start.pos, line: start.line };
        for (;;) {
            const v = peekNonSpace();
            if (v.type !== 'variable')
                break;
            const at = s.i;
            nextNonSpace();
            const after = peekNonSpace();
            if (after.type === 'assign' || after.type === 'declare') {
                pipe.isAssign = after.type === 'assign';
                nextNonSpace();
                pipe.decl.push(v.val);
                scope.vars.push(v.val);
                break;
            }
            if (after.type === 'comma') {
                nextNonSpace();
                pipe.decl.push(v.val);
                scope.vars.push(v.val);
                const p = peekNonSpace();
                if (ctx === 'range' &&
                    pipe.decl.length < 2 &&
                    ['variable', 'rightDelim', 'rightParen'].includes(p.type))
                    continue;
                if (ctx === 'range' && pipe.decl.length < 2)
                    fail('range can only initialize variables');
                fail(`too many declarations in ${ctx}`);
            }
            s.i = at;
            break;
        }
        for (;;) {
            const t = nextNonSpace();
            if (t.type === end) {
                if (pipe.cmds.length === 0)
                    fail(`missing value for ${ctx}`, t);
                pipe.cmds.slice(1).forEach((c, k) => {
                    const a = c.args[0];
                    if (['bool', 'dot', 'nil', 'number', 'string'].includes(a.kind))
                        fail(`non executable command in pipeline stage ${k + 2}`, t);
                });
                return pipe;
            }
            if ([
                'bool',
                'char',
                'dot',
                'field',
                'identifier',
                'number',
                'nil',
                'rawString',
                'string',
                'variable',
                'leftParen',
            ].includes(t.type)) {
                s.i--;
                pipe.cmds.push(command());
            }
            else
                unexpected(t, ctx);
        }
    };
    const command = () => {
        const first = peekNonSpace();
        const cmd = { args: [], pos: first.pos, line: first.line };
        for (;;) {
            peekNonSpace();
            const a = operand();
            if (a)
                cmd.args.push(a);
            const t = next();
            if (t.type === 'space')
                continue;
            if (t.type === 'rightDelim' || t.type === 'rightParen')
                s.i--;
            else if (t.type !== 'pipe')
                unexpected(t, 'operand');
            break;
        }
        if (cmd.args.length === 0)
            fail('empty command');
        return cmd;
    };
    const operand = () => {
        const node = term();
        if (node === null || peek().type !== 'field')
            return node;
        const fields = [];
        while (peek().type === 'field')
            fields.push(next().val.slice(1));
        switch (node.kind) {
            case 'field':
                return { ...node, ident: [...node.ident, ...fields] };
            case 'variable':
                return { ...node, ident: [...node.ident, ...fields] };
            case 'bool':
            case 'string':
            case 'number':
            case 'nil':
            case 'dot':
                return fail(`unexpected . after term ${JSON.stringify(node.kind === 'string' ? node.text : node.kind === 'number' ? node.text : node.kind === 'bool' ? String(node.value) : node.kind === 'dot' ? '.' : 'nil')}`);
            default:
                return { kind: 'chain', node, field: fields, pos: node.pos, line: node.line };
        }
    };
    const term = () => {
        const t = nextNonSpace();
        const at = { pos: t.pos, line: t.line };
        switch (t.type) {
            case 'identifier':
                if (!scope.hasFunction(t.val))
                    fail(`function ${JSON.stringify(t.val)} not defined`, t);
                return { kind: 'identifier', name: t.val, ...at };
            case 'dot':
                return { kind: 'dot', ...at };
            case 'nil':
                return { kind: 'nil', ...at };
            case 'variable':
                if (!scope.vars.includes(t.val))
                    fail(`undefined variable ${JSON.stringify(t.val)}`, t);
                return { kind: 'variable', ident: [t.val], ...at };
            case 'field':
                return { kind: 'field', ident: [t.val.slice(1)], ...at };
            case 'bool':
                return { kind: 'bool', value: t.val === 'true', ...at };
            case 'char':
            case 'number':
                try {
                    return { kind: 'number', text: t.val, num: parseNumber(t.val, t.type === 'char'), ...at };
                }
                catch (e) {
                    return fail(e instanceof Error ? e.message : String(e), t);
                }
            case 'leftParen':
                return { kind: 'pipe', pipe: pipeline('parenthesized pipeline', 'rightParen'), ...at };
            case 'string':
            case 'rawString':
                return { kind: 'string', text: t.val, value: literal(t), ...at };
        }
        s.i--;
        return null;
    };
    return pipeline;
}

;// CONCATENATED MODULE: ./.build/template/parse-stream.js
// The item stream a text/template parser reads, with Go's lookahead and error helpers.


class TokenStream {
    items;
    treeName;
    i = 0;
    constructor(items, treeName) {
        this.items = items;
        this.treeName = treeName;
    }
    fail(msg, it = this.items[Math.min(this.i, this.items.length - 1)]) {
        throw new TemplateError(`template: ${this.treeName}:${it.line}: ${msg}`, this.treeName, it.line);
    }
    next() {
        const it = this.items[this.i];
        if (it.type === 'error')
            this.fail(it.val, it);
        if (this.i < this.items.length - 1)
            this.i++;
        return it;
    }
    peek() {
        const it = this.items[this.i];
        if (it.type === 'error')
            this.fail(it.val, it);
        return it;
    }
    nextNonSpace() {
        let it = this.next();
        while (it.type === 'space')
            it = this.next();
        return it;
    }
    peekNonSpace() {
        const it = this.nextNonSpace();
        this.i--;
        return it;
    }
    unexpected(it, ctx) {
        return this.fail(`unexpected ${it.type === 'eof' ? 'EOF' : `<${it.val}>`} in ${ctx}`, it);
    }
    expect(t, ctx) {
        const it = this.nextNonSpace();
        if (it.type !== t)
            this.unexpected(it, ctx);
        return it;
    }
    /** The value of a string item (Go's strconv.Unquote). */
    literal(t) {
        try {
            return unquote(t.val);
        }
        catch {
            return this.fail(`invalid syntax: ${t.val}`, t);
        }
    }
}

;// CONCATENATED MODULE: ./.build/template/parser.js



function parse(name, text, opts) {
    const st = new TokenStream(lex(text, opts.leftDelim ?? '', opts.rightDelim ?? ''), name);
    const rightDelim = opts.rightDelim || '}}';
    const set = new Map();
    const scope = { vars: ['$'], hasFunction: opts.hasFunction };
    let rangeDepth = 0;
    const fail = (msg, it) => st.fail(msg, it);
    const next = () => st.next();
    const peek = () => st.peek();
    const nextNonSpace = () => st.nextNonSpace();
    const peekNonSpace = () => st.peekNonSpace();
    const unexpected = (it, ctx) => st.unexpected(it, ctx);
    const expect = (t, ctx) => st.expect(t, ctx);
    const add = (n, list) => {
        const old = set.get(n);
        if (old === undefined || isEmpty(old))
            set.set(n, list);
        else if (!isEmpty(list))
            fail(`template: multiple definition of template ${JSON.stringify(n)}`);
    };
    const itemList = () => {
        const list = { nodes: [] };
        while (peekNonSpace().type !== 'eof') {
            const n = textOrAction();
            if ('end' in n)
                return [list, n.end];
            if (n.node)
                list.nodes.push(n.node);
        }
        return fail('unexpected EOF');
    };
    const textOrAction = () => {
        const it = nextNonSpace();
        if (it.type === 'text')
            return { node: { kind: 'text', text: it.val, pos: it.pos, line: it.line } };
        if (it.type === 'comment')
            return {};
        if (it.type === 'leftDelim')
            return action(it.pos);
        return unexpected(it, 'input');
    };
    const action = (start) => {
        const it = nextNonSpace();
        if (it.type === 'keyword') {
            switch (it.val) {
                case 'block':
                    return { node: blockControl(it) };
                case 'break':
                case 'continue': {
                    const t = nextNonSpace();
                    if (t.type !== 'rightDelim')
                        unexpected(t, `{{${it.val}}}`);
                    if (rangeDepth === 0)
                        fail(`{{${it.val}}} outside {{range}}`, it);
                    return { node: { kind: it.val, pos: it.pos, line: it.line } };
                }
                case 'else': {
                    const p = peekNonSpace();
                    if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with'))
                        return { end: { kind: 'else', item: p } };
                    expect('rightDelim', 'else');
                    return { end: { kind: 'else', item: it } };
                }
                case 'end':
                    expect('rightDelim', 'end');
                    return { end: { kind: 'end', item: it } };
                case 'if':
                case 'range':
                case 'with':
                    return { node: control(it.val, it) };
                case 'template':
                    return { node: templateControl(it) };
                default:
                    return unexpected(it, 'command');
            }
        }
        st.i--;
        const p = peek();
        const pipe = pipeline('command', 'rightDelim');
        // The right delimiter item starts at the delimiter or at the space before its trim marker.
        const close = st.items[st.i - 1];
        const end = text.indexOf(rightDelim, close.pos) + rightDelim.length;
        return { node: { kind: 'action', pipe, start, end, pos: p.pos, line: p.line } };
    };
    const control = (ctx, it) => {
        const mark = scope.vars.length;
        const pipe = pipeline(ctx, 'rightDelim');
        if (ctx === 'range')
            rangeDepth++;
        let [list, end] = itemList();
        if (ctx === 'range')
            rangeDepth--;
        let elseList = null;
        if (end.kind === 'else') {
            const p = peek();
            if (ctx !== 'range' && p.type === 'keyword' && p.val === ctx) {
                // `{{else if x}}` is `{{else}}{{if x}}…{{end}}{{end}}` with the inner end shared.
                next();
                elseList = { nodes: [control(ctx, p)] };
            }
            else {
                [elseList, end] = itemList();
                if (end.kind !== 'end')
                    fail(`expected end; found {{else}}`, end.item);
            }
        }
        scope.vars = scope.vars.slice(0, mark);
        return { kind: ctx, pipe, list, elseList, pos: it.pos, line: it.line };
    };
    const templateName = (ctx) => {
        const t = nextNonSpace();
        if (t.type !== 'string' && t.type !== 'rawString')
            unexpected(t, ctx);
        return literal(t);
    };
    const templateControl = (it) => {
        const n = templateName('template clause');
        let pipe = null;
        if (nextNonSpace().type !== 'rightDelim') {
            st.i--;
            pipe = pipeline('template clause', 'rightDelim');
        }
        return { kind: 'template', name: n, pipe, pos: it.pos, line: it.line };
    };
    const blockControl = (it) => {
        const n = templateName('block clause');
        const pipe = pipeline('block clause', 'rightDelim');
        definition(n, 'block clause');
        return { kind: 'template', name: n, pipe, pos: it.pos, line: it.line };
    };
    const definition = (n, ctx) => {
        const saved = { vars: scope.vars, rangeDepth, treeName: st.treeName };
        scope.vars = ['$'];
        rangeDepth = 0;
        st.treeName = n;
        const [list, end] = itemList();
        if (end.kind !== 'end')
            fail(`unexpected {{else}} in ${ctx}`, end.item);
        add(n, list);
        scope.vars = saved.vars;
        rangeDepth = saved.rangeDepth;
        st.treeName = saved.treeName;
    };
    const literal = (t) => st.literal(t);
    const pipeline = pipelineParser(st, scope);
    // Top level: definitions are collected, everything else is the main template.
    const root = { nodes: [] };
    while (peek().type !== 'eof') {
        if (peek().type === 'leftDelim') {
            const at = st.i;
            next();
            const k = nextNonSpace();
            if (k.type === 'keyword' && k.val === 'define') {
                const n = templateName('define clause');
                expect('rightDelim', 'define clause');
                definition(n, 'define clause');
                continue;
            }
            st.i = at;
        }
        const n = textOrAction();
        if ('end' in n)
            fail(`unexpected {{${n.end.kind}}}`, n.end.item);
        else if (n.node)
            root.nodes.push(n.node);
    }
    add(name, root);
    return set;
}
function isEmpty(l) {
    return l.nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./.build/template/regex.js
// Go's regexp (RE2) patterns run on JavaScript's engine. The shared subset behaves the same; what
// only one side understands is refused with a clear error rather than matched differently.

/** A pattern refused because Go and JavaScript would read it differently (not a Go syntax error). */
class RegexRefusal extends FuncError {
}
function translateRegex(re, flags = '') {
    let src = re;
    let fl = flags;
    const inline = /^\(\?([imsU]+)\)/.exec(src);
    if (inline) {
        const g = inline[1];
        if (g.includes('U'))
            throw new RegexRefusal(`regexp: the (?U) flag is not supported: ${re}`);
        fl += g;
        src = src.slice(inline[0].length);
    }
    if (/\(\?(=|!|<=|<!)|\\[1-9]|\[\[:|\\[pP]|\\[zAQE]|\(\?[a-zA-OQ-Z]/.test(src))
        throw new RegexRefusal(`regexp: pattern uses syntax whose Go and JavaScript meanings differ: ${re}`);
    src = translateClasses(src.replace(/\(\?P</g, '(?<'), re);
    try {
        return new RegExp(src, fl);
    }
    catch (e) {
        throw new FuncError(`error parsing regexp: ${e instanceof Error ? e.message : String(e)}`);
    }
}
/** Go's Regexp.Expand for ReplaceAllString: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expandReplacement(template, match) {
    const last = match[match.length - 1];
    const groups = typeof last === 'object' && last !== null ? last : {};
    const numbered = match.slice(0, match.length - (typeof last === 'object' && last !== null ? 3 : 2));
    return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, all, braced, bare) => {
        if (all === '$')
            return '$';
        const name = (braced ?? bare);
        if (/^\d+$/.test(name))
            return numbered[Number(name)] ?? '';
        return groups[name] ?? '';
    });
}
/**
 * Rewrites what the two engines read differently: Go's `.` excludes only `\n` (JavaScript's also
 * excludes `\r` and the line separators) and Go's `\s` is `[\t\n\f\r ]` (JavaScript's adds
 * Unicode spaces). Go's `[]a]` and JavaScript's `[]` / `[^]` differ, so those are refused.
 */
function translateClasses(src, re) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === '\\') {
            const n = src[i + 1] ?? '';
            i++;
            if (n === 's')
                out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
            else if (n === 'S' && !inClass)
                out += '[^\\t\\n\\f\\r ]';
            else if (n === 'S')
                throw new RegexRefusal(`regexp: \\S inside a character class is not supported: ${re}`);
            else
                out += `\\${n}`;
        }
        else if (c === '[' && !inClass) {
            inClass = true;
            out += c;
            if (src[i + 1] === '^')
                out += src[++i];
            if (src[i + 1] === ']') {
                // Go reads `[]a]` as a class holding `]`; with no later `]` it is a syntax error there too.
                if (!src.includes(']', i + 2))
                    throw new FuncError(`error parsing regexp: missing closing ]: ${re}`);
                throw new RegexRefusal(`regexp: a class starting with ] is not supported: ${re}`);
            }
        }
        else if (c === ']' && inClass) {
            inClass = false;
            out += c;
        }
        else if (c === '.' && !inClass)
            out += '[^\\n]';
        else
            out += c;
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/template/sprig-convert.js
// Conversions sprig relies on: strval (fmt %v of a value), spf13/cast's ToInt64/ToFloat64, and
// sprig's emptiness test.


function strval(v) {
    if (typeof v === 'string')
        return v;
    return formatValue(v === undefined ? null : v);
}
/** strconv.ParseInt(s, 0, 64) after cast's trimZeroDecimal ("12.0" is 12). */
function parseCastInt(s) {
    let t = s;
    const m = /^(.*)\.0*$/.exec(t);
    if (m && m[1] !== '' && m[1] !== undefined)
        t = m[1];
    const r = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(t);
    if (!r)
        return undefined;
    let body = r[2].replace(/_/g, '');
    if (/^0[0-7]+$/.test(body))
        body = `0o${body.slice(1)}`;
    const v = BigInt(body.toLowerCase()) * (r[1] === '-' ? -1n : 1n);
    if (v > (1n << 63n) - 1n || v < -(1n << 63n))
        return undefined;
    return v;
}
function toInt64(v) {
    const n = intOf(v);
    if (n !== undefined)
        return n;
    if (typeof v === 'number')
        return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : 0n;
    if (typeof v === 'boolean')
        return v ? 1n : 0n;
    if (typeof v === 'string')
        return parseCastInt(v) ?? 0n;
    return 0n;
}
function toFloat64(v) {
    const n = intOf(v);
    if (n !== undefined)
        return Number(n);
    if (typeof v === 'number')
        return v;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'string') {
        const t = v.trim() === v ? v : '';
        if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t))
            return Number(t);
        if (/^[+-]?(inf|infinity)$/i.test(t))
            return t.startsWith('-') ? -Infinity : Infinity;
        return 0;
    }
    return 0;
}
/** sprig's empty(): nil, zero numbers, false, and empty strings, lists and maps. */
function sprig_convert_isEmpty(v) {
    if (v === undefined || v === null)
        return true;
    if (typeof v === 'string')
        return v.length === 0;
    if (typeof v === 'boolean')
        return !v;
    if (typeof v === 'bigint')
        return v === 0n;
    if (v instanceof Int64)
        return v.v === 0n;
    if (typeof v === 'number')
        return v === 0;
    if (Array.isArray(v))
        return v.length === 0;
    if (v instanceof Map)
        return v.size === 0;
    return false;
}
/** encoding/json's output for a value (json.Marshal: sorted keys, HTML-safe escapes). */
function marshalJSON(v, indent = '') {
    const text = JSON.stringify(toData(v), null, indent || undefined) ?? 'null';
    return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}`);
}
function toData(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'bigint')
        return Number(v);
    if (v instanceof Int64)
        return Number(v.v);
    if (typeof v === 'number') {
        if (!Number.isFinite(v))
            throw new Error(`json: unsupported value: ${formatFloat(v)}`);
        return v;
    }
    if (Array.isArray(v))
        return v.map(toData);
    if (v instanceof Map) {
        const o = {};
        for (const k of [...v.keys()].sort())
            o[k] = toData(v.get(k));
        return o;
    }
    if (typeof v === 'object')
        throw new Error('json: unsupported type: func');
    return v;
}
/** json.Unmarshal into interface{}: numbers become float64. */
function unmarshalJSON(j) {
    if (j === null || j === undefined)
        return null;
    if (typeof j === 'number')
        return j;
    if (typeof j === 'string' || typeof j === 'boolean')
        return j;
    if (Array.isArray(j))
        return j.map(unmarshalJSON);
    const m = new Map();
    for (const [k, e] of Object.entries(j))
        m.set(k, unmarshalJSON(e));
    return m;
}
/** sprig's strslice: a list's non-nil elements as strings, or a single value. */
function strslice(v) {
    if (Array.isArray(v))
        return v.filter((e) => e !== null && e !== undefined).map(strval);
    if (v === null || v === undefined)
        return [];
    return [strval(v)];
}

;// CONCATENATED MODULE: ./.build/template/sprig-lists.js
// sprig's list, dict, math, conversion and regex functions (Masterminds/sprig v3).







function asList(v, fn) {
    if (Array.isArray(v))
        return v;
    throw new FuncError(`Cannot ${fn} on type ${typeName(v)}`);
}
function asMap(v) {
    return v instanceof Map ? v : new Map();
}
function deepEq(a, b) {
    return (0,external_node_util_.isDeepStrictEqual)(a, b);
}
function merge(dst, src, overwrite) {
    for (const [k, sv] of src) {
        const dv = dst.get(k);
        if (dv instanceof Map && sv instanceof Map)
            merge(dv, sv, overwrite);
        else if (overwrite || !dst.has(k) || sprig_convert_isEmpty(dv ?? null))
            dst.set(k, sv);
    }
}
function mergeAll(d, srcs, overwrite) {
    for (const x of srcs)
        merge(asMap(d), asMap(x), overwrite);
    return d;
}
function unset(d, k) {
    d.delete(k);
    return d;
}
function bigMax(x, y) {
    return y > x ? y : x;
}
function bigMin(x, y) {
    return y < x ? y : x;
}
const i64 = (fn) => (...a) => int64(fn(...a.map(toInt64)));
function listFuncs() {
    return new Map([
        ['list', fv([], 'any', (...a) => a)],
        [
            'dict',
            fv([], 'any', (...a) => {
                const m = new Map();
                for (let i = 0; i < a.length; i += 2)
                    m.set(strval(a[i] ?? null), i + 1 < a.length ? (a[i + 1] ?? null) : '');
                return m;
            }),
        ],
        [
            'get',
            f(['map', 'string'], (d, k) => (asMap(d).has(k) ? (asMap(d).get(k) ?? null) : '')),
        ],
        ['set', f(['map', 'string', 'any'], (d, k, v) => asMap(d).set(k, v))],
        ['unset', f(['map', 'string'], (d, k) => unset(asMap(d), k))],
        ['hasKey', f(['map', 'string'], (d, k) => asMap(d).has(k))],
        ['keys', fv([], 'map', (...ds) => ds.flatMap((d) => [...asMap(d).keys()]))],
        ['values', f(['map'], (d) => [...asMap(d).values()])],
        [
            'pluck',
            fv(['string'], 'map', (k, ...ds) => ds.filter((d) => asMap(d).has(k)).map((d) => asMap(d).get(k) ?? null)),
        ],
        ['merge', fv(['map'], 'map', (d, ...s) => mergeAll(d, s, false))],
        ['mergeOverwrite', fv(['map'], 'map', (d, ...s) => mergeAll(d, s, true))],
        ['first', f(['any'], (l) => asList(l, 'find first').at(0) ?? null)],
        ['last', f(['any'], (l) => asList(l, 'find last').at(-1) ?? null)],
        ['rest', f(['any'], (l) => asList(l, 'find rest').slice(1))],
        ['initial', f(['any'], (l) => asList(l, 'find initial').slice(0, -1))],
        ['append', f(['any', 'any'], (l, v) => [...asList(l, 'push'), v])],
        ['push', f(['any', 'any'], (l, v) => [...asList(l, 'push'), v])],
        ['prepend', f(['any', 'any'], (l, v) => [v, ...asList(l, 'prepend')])],
        ['reverse', f(['any'], (l) => [...asList(l, 'find reverse')].reverse())],
        ['compact', f(['any'], (l) => asList(l, 'compact').filter((v) => !sprig_convert_isEmpty(v)))],
        [
            'uniq',
            f(['any'], (l) => asList(l, 'find uniq').filter((v, i, a) => a.findIndex((w) => deepEq(v, w)) === i)),
        ],
        [
            'has',
            f(['any', 'any'], (n, h) => (h === null ? false : asList(h, 'find has').some((v) => deepEq(v, n)))),
        ],
        [
            'without',
            fv(['any'], 'any', (l, ...o) => asList(l, 'find without').filter((v) => !o.some((w) => deepEq(v, w)))),
        ],
        ['concat', fv([], 'any', (...ls) => ls.flatMap((l) => asList(l, 'concat')))],
        ['sortAlpha', f(['any'], (l) => (Array.isArray(l) ? strslice(l).sort() : [strval(l)]))],
        ['toStrings', f(['any'], (l) => strslice(l))],
        [
            'until',
            f(['int'], (n) => {
                const c = Number(n);
                ensureValueSize(Math.abs(c), 'the list');
                return Array.from({ length: Math.abs(c) }, (_v, i) => BigInt(c < 0 ? -i : i));
            }),
        ],
        ['int', f(['any'], (v) => toInt64(v))],
        ['int64', f(['any'], (v) => new Int64(toInt64(v)))],
        ['float64', f(['any'], (v) => toFloat64(v))],
        ['atoi', f(['string'], (s) => (/^[+-]?\d+$/.test(s) ? BigInt(s) : 0n))],
        [
            'add',
            fv([], 'any', i64((...a) => a.reduce((x, y) => x + y, 0n))),
        ],
        [
            'add1',
            f(['any'], i64((a) => a + 1n)),
        ],
        [
            'sub',
            f(['any', 'any'], i64((a, b) => a - b)),
        ],
        [
            'mul',
            fv(['any'], 'any', i64((...a) => a.reduce((x, y) => x * y, 1n))),
        ],
        [
            'div',
            f(['any', 'any'], i64((a, b) => {
                if (b === 0n)
                    throw new FuncError('runtime error: integer divide by zero');
                return a / b;
            })),
        ],
        [
            'mod',
            f(['any', 'any'], i64((a, b) => {
                if (b === 0n)
                    throw new FuncError('runtime error: integer divide by zero');
                return a % b;
            })),
        ],
        [
            'max',
            fv(['any'], 'any', i64((...a) => a.reduce(bigMax))),
        ],
        [
            'min',
            fv(['any'], 'any', i64((...a) => a.reduce(bigMin))),
        ],
        ['ternary', f(['any', 'any', 'bool'], (t, e, c) => (c ? t : e))],
        ['coalesce', fv([], 'any', (...a) => a.find((v) => !sprig_convert_isEmpty(v)) ?? null)],
        [
            'default',
            fv(['any'], 'any', (d, ...g) => (g.length === 0 || sprig_convert_isEmpty(g[0] ?? null) ? d : (g[0] ?? null))),
        ],
        [
            'regexMatch',
            f(['string', 'string'], (re, s) => {
                // sprig returns false for an invalid pattern; a refused one must stay an error.
                try {
                    return translateRegex(re).test(s);
                }
                catch (e) {
                    if (e instanceof RegexRefusal)
                        throw e;
                    return false;
                }
            }),
        ],
        [
            'regexFind',
            f(['string', 'string'], (re, s) => translateRegex(re).exec(s)?.[0] ?? ''),
        ],
        [
            'regexFindAll',
            f(['string', 'string', 'int'], (re, s, n) => {
                const all = [...s.matchAll(translateRegex(re, 'g'))].map((m) => m[0]);
                return Number(n) < 0 ? all : all.slice(0, Number(n));
            }),
        ],
        [
            'regexReplaceAll',
            f(['string', 'string', 'string'], (re, s, repl) => s.replace(translateRegex(re, 'g'), (...m) => expandReplacement(repl, m))),
        ],
        [
            'regexReplaceAllLiteral',
            f(['string', 'string', 'string'], (re, s, repl) => s.replace(translateRegex(re, 'g'), () => repl)),
        ],
        [
            'regexSplit',
            f(['string', 'string', 'int'], (re, s, n) => s
                .split(translateRegex(re, 'g'))
                .slice(0, Number(n) < 0 ? undefined : Number(n))),
        ],
    ]);
}

;// CONCATENATED MODULE: ./.build/template/sprig-more.js
// More of sprig's TxtFuncMap: dict selection, dig, rounding, kinds, path functions, and the must*
// variants (which return an error where the plain one panics or swallows it; both are errors here,
// except where sprig's plain function returns a value instead).







function sprig_more_kindOf(v) {
    if (v === undefined || v === null)
        return 'invalid';
    if (Array.isArray(v))
        return 'slice';
    if (v instanceof Map)
        return 'map';
    if (v instanceof Int64)
        return 'int64';
    if (typeof v === 'bigint')
        return 'int';
    return typeName(v) === 'func' ? 'func' : typeName(v);
}
/** Go's path.Clean. */
function cleanPath(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
        }
        else
            out.push(part);
    }
    const r = (rooted ? '/' : '') + out.join('/');
    return r === '' ? (rooted ? '/' : '.') : r;
}
function basePath(p) {
    if (p === '')
        return '.';
    const t = p.replace(/\/+$/, '');
    if (t === '')
        return '/';
    return t.slice(t.lastIndexOf('/') + 1);
}
function extPath(p) {
    for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--)
        if (p[i] === '.')
            return p.slice(i);
    return '';
}
function dig(args) {
    if (args.length < 3)
        throw new FuncError('dig needs at least three arguments');
    let cur = args[args.length - 1] ?? null;
    const def = args[args.length - 2] ?? null;
    const keys = args.slice(0, -2);
    for (const [i, k] of keys.entries()) {
        if (typeof k !== 'string')
            throw new FuncError(`interface conversion: interface {} is ${typeName(k)}, not string`);
        if (!(cur instanceof Map))
            throw new FuncError(`interface conversion: interface {} is ${typeName(cur)}, not map[string]interface {}`);
        if (!cur.has(k))
            return def;
        cur = cur.get(k) ?? null;
        if (i === keys.length - 1)
            return cur;
    }
    return cur;
}
/** sprig round(): half-up at `roundOn` on the given decimal places. */
function round(a, places, roundOn) {
    const pow = 10 ** Number(places);
    const digit = pow * toFloat64(a);
    const frac = digit - Math.trunc(digit);
    return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}
function sprig_more_select(d, keys, keep) {
    const out = new Map();
    if (!(d instanceof Map))
        return out;
    const ks = new Set(keys.map(String));
    for (const [k, v] of d)
        if (ks.has(k) === keep)
            out.set(k, v);
    return out;
}
function deepCopy(v) {
    if (Array.isArray(v))
        return v.map(deepCopy);
    if (v instanceof Map)
        return new Map([...v].map(([k, e]) => [k, deepCopy(e)]));
    return v;
}
function moreFuncs(base) {
    const m = new Map([
        ['pick', fv(['map'], 'string', (d, ...k) => sprig_more_select(d, k, true))],
        ['omit', fv(['map'], 'string', (d, ...k) => sprig_more_select(d, k, false))],
        ['dig', fv([], 'any', (...a) => dig(a))],
        ['ceil', f(['any'], (a) => Math.ceil(toFloat64(a)))],
        ['floor', f(['any'], (a) => Math.floor(toFloat64(a)))],
        [
            'round',
            fv(['any', 'int'], 'float64', (a, p, ...r) => round(a, p, r.length > 0 ? r[0] : 0.5)),
        ],
        ['all', fv([], 'any', (...a) => a.every((v) => !sprig_convert_isEmpty(v)))],
        ['any', fv([], 'any', (...a) => a.some((v) => !sprig_convert_isEmpty(v)))],
        ['deepEqual', f(['any', 'any'], (a, b) => (0,external_node_util_.isDeepStrictEqual)(a, b))],
        ['deepCopy', f(['any'], deepCopy)],
        ['mustDeepCopy', f(['any'], deepCopy)],
        ['kindOf', f(['any'], sprig_more_kindOf)],
        ['kindIs', f(['string', 'any'], (t, v) => sprig_more_kindOf(v) === t)],
        ['typeIs', f(['string', 'any'], (t, v) => typeName(v) === t)],
        ['base', f(['string'], (p) => basePath(p))],
        ['dir', f(['string'], (p) => cleanPath(p.slice(0, p.lastIndexOf('/') + 1)))],
        ['ext', f(['string'], (p) => extPath(p))],
        ['clean', f(['string'], (p) => cleanPath(p))],
        ['isAbs', f(['string'], (p) => p.startsWith('/'))],
        ['regexQuoteMeta', f(['string'], (s) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))],
        ['plural', f(['string', 'string', 'int'], (one, many, n) => (n === 1n ? one : many))],
        [
            'abbrev',
            f(['int', 'string'], (w, s) => {
                const width = Number(w);
                const str = s;
                if (width < 4 || str.length <= width)
                    return str;
                return `${str.slice(0, width - 3)}...`;
            }),
        ],
        [
            'untilStep',
            f(['int', 'int', 'int'], (a, b, c) => {
                const [start, stop, step] = [a, b, c].map(Number);
                const out = [];
                if (step === 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop))
                    return out;
                ensureValueSize(Math.ceil(Math.abs((stop - start) / step)), 'the list');
                for (let i = start; step > 0 ? i < stop : i > stop; i += step)
                    out.push(BigInt(i));
                return out;
            }),
        ],
        [
            'chunk',
            f(['int', 'any'], (n, l) => {
                if (!Array.isArray(l))
                    throw new FuncError(`Cannot chunk type ${typeName(l)}`);
                // sprig's mustChunk arithmetic, including what it does with a negative size.
                const size = Number(n);
                if (size === 0)
                    throw new FuncError('runtime error: makeslice: len out of range');
                const count = Math.floor((l.length - 1) / size) + 1;
                const out = [];
                for (let i = 0; i < count; i++) {
                    let clen = size;
                    if (i === count - 1)
                        clen = Math.floor(l.length % size) || size;
                    if (clen < 0)
                        throw new FuncError('runtime error: makeslice: len out of range');
                    const c = [];
                    for (let j = 0; j < clen; j++) {
                        const ix = i * size + j;
                        if (ix < 0 || ix >= l.length)
                            throw new FuncError('reflect: slice index out of range');
                        c.push(l[ix] ?? null);
                    }
                    out.push(c);
                }
                return out;
            }),
        ],
        ['mustRegexMatch', f(['string', 'string'], (re, s) => translateRegex(re).test(s))],
        ['mustFromJson', f(['string'], (s) => unmarshalJSON(JSON.parse(s)))],
        ['mustToJson', f(['any'], (v) => marshalJSON(v))],
        ['mustToPrettyJson', f(['any'], (v) => marshalJSON(v, '  '))],
    ]);
    // must* variants whose plain function already fails where the must* one returns an error.
    for (const n of [
        'First',
        'Last',
        'Rest',
        'Initial',
        'Reverse',
        'Uniq',
        'Without',
        'Has',
        'Append',
        'Prepend',
        'Compact',
        'Slice',
        'Chunk',
        'Merge',
        'MergeOverwrite',
        'RegexFind',
        'RegexFindAll',
        'RegexReplaceAll',
        'RegexReplaceAllLiteral',
        'RegexSplit',
        'ToRawJson',
    ]) {
        const plain = m.get(n[0]?.toLowerCase() + n.slice(1)) ?? base.get(n[0].toLowerCase() + n.slice(1));
        if (plain)
            m.set(`must${n}`, plain);
    }
    m.set('biggest', base.get('max'));
    return m;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/template/sprig-strings.js
// sprig's string functions (Masterminds/sprig v3 strings.go, functions.go).





const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s) => enc.encode(s);
const str = (b) => dec.decode(b);
function goQuote(s) {
    let out = '"';
    for (const c of s) {
        const cp = c.codePointAt(0);
        if (c === '"')
            out += '\\"';
        else if (c === '\\')
            out += '\\\\';
        else if (c === '\n')
            out += '\\n';
        else if (c === '\t')
            out += '\\t';
        else if (c === '\r')
            out += '\\r';
        else if (cp < 0x20 || cp === 0x7f)
            out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else
            out += c;
    }
    return `${out}"`;
}
function isSeparator(c) {
    if (/^[A-Za-z0-9_]$/.test(c))
        return false;
    if (c.charCodeAt(0) < 0x80)
        return true;
    if (/^[\p{L}\p{Nd}]$/u.test(c))
        return false;
    return /^\s$/u.test(c);
}
function title(s) {
    let prev = ' ';
    let out = '';
    for (const c of s) {
        out += isSeparator(prev) ? c.toUpperCase() : c;
        prev = c;
    }
    return out;
}
function trimCutset(s, cutset, left, right) {
    const set = new Set(cutset);
    const cs = [...s];
    let a = 0;
    let b = cs.length;
    while (left && a < b && set.has(cs[a]))
        a++;
    while (right && b > a && set.has(cs[b - 1]))
        b--;
    return cs.slice(a, b).join('');
}
function splitMap(parts) {
    const m = new Map();
    for (const [i, p] of parts.entries())
        m.set(`_${i}`, p);
    return m;
}
/** strings.SplitN. */
function splitN(s, sep, n) {
    if (n === 0)
        return [];
    if (sep === '') {
        const cs = [...s];
        if (n < 0 || n >= cs.length)
            return cs;
        return [...cs.slice(0, n - 1), cs.slice(n - 1).join('')];
    }
    const all = s.split(sep);
    if (n < 0 || all.length <= n)
        return all;
    return [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}
/** Word split of huandu/xstrings, for the inputs where it is simple: letters, spaces, `_` and `-`. */
function words(s, fn) {
    if (!/^[A-Za-z _-]*$/.test(s))
        throw new FuncError(`${fn} of a string with digits or punctuation is not supported by this evaluator`);
    return s
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[\s_-]+/)
        .filter((w) => w !== '');
}
function goTrimSpace(s) {
    return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}
function stringFuncs() {
    const s1 = (fn) => f(['string'], (a) => fn(a));
    const s2 = (fn) => f(['string', 'string'], (a, b) => fn(a, b));
    return new Map([
        ['upper', s1((s) => s.toUpperCase())],
        ['lower', s1((s) => s.toLowerCase())],
        ['title', s1(title)],
        ['untitle', s1((s) => s.replace(/(^|\s)(\S)/g, (_m, a, b) => a + b.toLowerCase()))],
        ['trim', s1(goTrimSpace)],
        ['trimAll', s2((c, s) => trimCutset(s, c, true, true))],
        ['trimPrefix', s2((p, s) => (s.startsWith(p) ? s.slice(p.length) : s))],
        ['trimSuffix', s2((p, s) => (p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s))],
        [
            'replace',
            f(['string', 'string', 'string'], (o, n, s) => replaceAll(s, o, n)),
        ],
        ['contains', s2((sub, s) => s.includes(sub))],
        ['hasPrefix', s2((p, s) => s.startsWith(p))],
        ['hasSuffix', s2((p, s) => s.endsWith(p))],
        ['split', s2((sep, s) => splitMap(s.split(sep)))],
        ['splitList', s2((sep, s) => (sep === '' ? [...s] : s.split(sep)))],
        [
            'splitn',
            f(['string', 'int', 'string'], (sep, n, s) => splitMap(splitN(s, sep, Number(n)))),
        ],
        ['join', f(['string', 'any'], (sep, v) => strslice(v).join(sep))],
        [
            'repeat',
            f(['int', 'string'], (n, s) => {
                if (n < 0n)
                    throw new FuncError('strings: negative Repeat count');
                ensureValueSize(BigInt(s.length) * n, 'the repeated string');
                return s.repeat(Number(n));
            }),
        ],
        [
            'substr',
            f(['int', 'int', 'string'], (a, b, s) => {
                const bs = bytes(s);
                const start = Number(a);
                const end = Number(b);
                const oob = () => new FuncError('runtime error: slice bounds out of range');
                if (start < 0) {
                    if (end < 0 || end > bs.length)
                        throw oob();
                    return str(bs.slice(0, end));
                }
                if (end < 0 || end > bs.length) {
                    if (start > bs.length)
                        throw oob();
                    return str(bs.slice(start));
                }
                if (start > end)
                    throw oob();
                return str(bs.slice(start, end));
            }),
        ],
        [
            'trunc',
            f(['int', 'string'], (c, s) => {
                const bs = bytes(s);
                const n = Number(c);
                if (n < 0 && bs.length + n > 0)
                    return str(bs.slice(bs.length + n));
                if (n >= 0 && bs.length > n)
                    return str(bs.slice(0, n));
                return s;
            }),
        ],
        ['nospace', s1((s) => s.replace(/[\s\u0085]/gu, ''))],
        ['indent', f(['int', 'string'], (n, s) => indent(Number(n), s))],
        ['nindent', f(['int', 'string'], (n, s) => `\n${indent(Number(n), s)}`)],
        ['toString', f(['any'], (v) => strval(v))],
        [
            'quote',
            fv([], 'any', (...a) => a
                .filter((v) => v !== null)
                .map((v) => goQuote(strval(v)))
                .join(' ')),
        ],
        [
            'squote',
            fv([], 'any', (...a) => a
                .filter((v) => v !== null)
                .map((v) => `'${strval(v)}'`)
                .join(' ')),
        ],
        [
            'cat',
            fv([], 'any', (...a) => a
                .filter((v) => v !== null)
                .map(strval)
                .join(' ')),
        ],
        ['toJson', f(['any'], (v) => safe(() => marshalJSON(v), ''))],
        ['toPrettyJson', f(['any'], (v) => safe(() => marshalJSON(v, '  '), ''))],
        [
            'toRawJson',
            f(['any'], (v) => safe(() => marshalJSON(v).replace(/\\u00(3c|3e|26)/g, (_m, h) => String.fromCharCode(Number.parseInt(h, 16))), '')),
        ],
        ['fromJson', s1((s) => safe(() => unmarshalJSON(JSON.parse(s)), null))],
        ['b64enc', s1((s) => Buffer.from(s).toString('base64'))],
        ['b64dec', s1(b64dec)],
        ['sha256sum', s1((s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex'))],
        ['sha1sum', s1((s) => (0,external_node_crypto_.createHash)('sha1').update(s).digest('hex'))],
        [
            'kebabcase',
            s1((s) => words(s, 'kebabcase')
                .map((w) => w.toLowerCase())
                .join('-')),
        ],
        [
            'snakecase',
            s1((s) => words(s, 'snakecase')
                .map((w) => w.toLowerCase())
                .join('_')),
        ],
        [
            'camelcase',
            s1((s) => s
                .split(/[_\s-]+/)
                .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : ''))
                .join('')),
        ],
        ['empty', f(['any'], sprig_convert_isEmpty)],
    ]);
}
/** strings.ReplaceAll: an empty `old` matches before every rune and at the end. */
function replaceAll(s, old, repl) {
    if (old !== '')
        return s.split(old).join(repl);
    return repl + [...s].map((c) => c + repl).join('');
}
function indent(n, s) {
    if (n < 0)
        throw new FuncError('strings: negative Repeat count');
    ensureValueSize(s.length + n * s.split('\n').length, 'the indented string');
    const pad = ' '.repeat(n);
    return pad + s.split('\n').join(`\n${pad}`);
}
function b64dec(s) {
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
        const bad = s.search(/[^A-Za-z0-9+/=]/);
        return `illegal base64 data at input byte ${bad < 0 ? s.length - (s.length % 4) : bad}`;
    }
    return Buffer.from(s, 'base64').toString('utf8');
}
function safe(fn, fallback) {
    try {
        return fn();
    }
    catch {
        return fallback;
    }
}

;// CONCATENATED MODULE: ./.build/template/index.js
// Go text/template with sprig's TxtFuncMap, evaluated in TypeScript. Pure: no I/O.











/** Every name in sprig v3.3.0's TxtFuncMap, so a template using one still parses. */
const SPRIG_NAMES = 'hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual env expandenv getHostByName base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append mustAppend prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin'.split(' ');
/** Thrown when a template calls a function the evaluator does not implement. */
class UnsupportedFunctionError extends FuncError {
    functionName;
    constructor(functionName) {
        super(`function ${JSON.stringify(functionName)} is not supported by this evaluator`);
        this.functionName = functionName;
    }
}
function unsupported(name) {
    return fv([], 'any', () => {
        throw new UnsupportedFunctionError(name);
    });
}
/** text/template's builtins overlaid with sprig's TxtFuncMap, as template.Funcs(sprig.TxtFuncMap()) does. */
function sprigFuncMap() {
    const m = builtins();
    for (const n of SPRIG_NAMES)
        m.set(n, unsupported(n));
    for (const [k, v] of stringFuncs())
        m.set(k, v);
    for (const [k, v] of listFuncs())
        m.set(k, v);
    m.set('trimall', f(['string', 'string'], (c, s) => stringFuncs().get('trimAll')?.fn(c, s) ?? ''));
    m.set('tuple', fv([], 'any', (...a) => a));
    m.set('typeOf', f(['any'], (v) => typeName(v)));
    m.set('fail', f(['string'], (msg) => {
        throw new FuncError(msg);
    }));
    m.set('slice', fv(['any'], 'any', (l, ...ix) => {
        if (!Array.isArray(l))
            throw new FuncError(`list should be type of slice or array but ${typeName(l)}`);
        const [a, b] = ix.map((x) => Number(x));
        return l.slice(a ?? 0, b ?? l.length);
    }));
    for (const [k, v] of moreFuncs(m))
        m.set(k, v);
    return m;
}
/**
 * Parses and executes `text` as Go's text/template would with `data` as dot. Throws TemplateError
 * (message `template: NAME:LINE[:COL]: ...`, with `line`) on a parse or execution error.
 */
function render(text, data, opts = {}) {
    const name = opts.name ?? 't';
    const funcs = opts.funcs ?? sprigFuncMap();
    const set = parse(name, text, {
        leftDelim: opts.leftDelim,
        rightDelim: opts.rightDelim,
        hasFunction: (n) => funcs.has(n),
    });
    return execute({
        name,
        source: text,
        set,
        funcs,
        ...(opts.hooks ? { hooks: opts.hooks } : {}),
        ...(opts.pool ? { pool: opts.pool } : {}),
    }, data);
}
/** The function an UnsupportedFunctionError names, if `e` (or its message) comes from one. */
function unsupportedFunction(e) {
    if (!(e instanceof TemplateError))
        return undefined;
    const m = /error calling [^:]+: function "([^"]+)" is not supported by this evaluator/.exec(e.message);
    return m?.[1];
}

;// CONCATENATED MODULE: ./.build/template/kots-config.js
// KOTS's Config item values (replicatedhq/kots pkg/template/config_context.go): an item's `value`
// (or the user's value, for editable items) wins over its `default` when it is not empty; both are
// themselves templates. `when` and `hidden` do not change what ConfigOption returns there.
/** Item types a user can edit (config_context.go isReadOnly's EditableItemTypes). */
const EDITABLE = new Set([
    '',
    'bool',
    'file',
    'password',
    'select',
    'select_many',
    'select_one',
    'radio',
    'dropdown',
    'text',
    'textarea',
]);
function isReadOnly(item) {
    return item.readonly === true || !EDITABLE.has(item.type ?? '');
}
/**
 * Resolves items lazily in dependency order: an item's templates may call ConfigOption on others,
 * as KOTS's dependency graph allows. `render` renders one template with a resolver for the others
 * and reports placeholder calls to `taint`. Resolved items are cached with their placeholders, and
 * every later read reports them again, so a value built from a placeholder stays marked.
 */
class ConfigValues {
    userValues;
    render;
    items = new Map();
    resolved = new Map();
    resolving = new Set();
    constructor(groups, userValues, render) {
        this.userValues = userValues;
        this.render = render;
        for (const g of groups)
            for (const item of g.items ?? [])
                this.items.set(item.name, item);
    }
    get(name, taint) {
        const v = this.resolve(name);
        if (v)
            for (const p of v.placeholders)
                taint(p);
        return v;
    }
    resolve(name) {
        const done = this.resolved.get(name);
        if (done)
            return done;
        const item = this.items.get(name);
        const user = this.userValues[name];
        if (!item)
            return user !== undefined ? { value: user, default: '', filename: '', placeholders: [] } : undefined;
        // A cycle has no value (KOTS refuses the Config); treat the inner reference as unset.
        if (this.resolving.has(name))
            return undefined;
        this.resolving.add(name);
        try {
            const seen = new Set();
            const taint = (fn) => seen.add(fn);
            const builtDefault = this.render(item.default ?? '', this, taint);
            const value = !isReadOnly(item) && user !== undefined ? user : this.render(item.value ?? '', this, taint);
            const filename = this.render(item.filename ?? '', this, taint);
            const v = { value, default: builtDefault, filename, placeholders: [...seen].sort() };
            this.resolved.set(name, v);
            return v;
        }
        finally {
            this.resolving.delete(name);
        }
    }
    /** getConfigOptionValue: the value when it is not empty, else the default; undefined if no item. */
    option(name, taint) {
        const v = this.get(name, taint);
        if (!v)
            return undefined;
        return v.value !== '' ? v.value : v.default;
    }
}

;// CONCATENATED MODULE: ./.build/template/source-map.js
/** The map of a text that was not rendered: one verbatim segment. */
function identityMap(length) {
    return length === 0 ? [] : [seg(0, length, 0, length, false)];
}
function seg(outStart, outEnd, srcStart, srcEnd, action) {
    return { outStart, outEnd, srcStart, srcEnd, action, pipes: [], placeholders: [], wraps: [] };
}
/**
 * Execution hooks that build a map. `taint` and `wrap` are called by the function map while an
 * action runs; what they record goes to the next printed action (declarations pass theirs on to it,
 * which errs on the side of "not known"), and to everything inside an if/with/range they decided.
 */
class MapRecorder {
    segments = [];
    offset = 0;
    pending = new Set();
    pendingWraps = [];
    stack = [];
    taint(fn) {
        this.pending.add(fn);
    }
    wrap(literal) {
        this.pendingWraps.push(literal);
    }
    emit(c) {
        if (c.text.length === 0 && !c.action)
            return;
        const s = seg(this.offset, this.offset + c.text.length, c.start, c.end, c.action);
        const taints = new Set(this.stack.flat());
        if (c.action) {
            for (const p of this.pending)
                taints.add(p);
            if (c.pipe !== undefined)
                s.pipes.push(c.pipe);
            s.wraps.push(...this.pendingWraps);
            this.pending = new Set();
            this.pendingWraps = [];
        }
        s.placeholders = [...taints].sort();
        this.segments.push(s);
        this.offset += c.text.length;
    }
    enter() {
        this.stack.push([...this.pending]);
        this.pending = new Set();
    }
    leave() {
        this.stack.pop();
        this.pending = new Set();
    }
}
/** The segments of `map` that overlap [start, end), plus empty ones that sit inside it. */
function overlapping(map, start, end) {
    const out = [];
    let i = firstAtOrAfter(map, start);
    for (; i < map.length; i++) {
        const s = map[i];
        if (s.outStart > end || (s.outStart === end && end > start))
            break;
        const empty = s.outStart === s.outEnd;
        if (empty ? s.outStart >= start : s.outEnd > start)
            out.push(s);
    }
    return out;
}
/** Index of the first segment that ends after `o` (or is empty at `o`). */
function firstAtOrAfter(map, o) {
    let lo = 0;
    let hi = map.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const s = map[mid];
        if (s.outEnd < o || (s.outEnd === o && s.outStart < o))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** The source offset of output offset `o`: exact in copied text, the action's start in its output. */
function sourceOffset(map, o) {
    // An action that printed nothing right at `o` is where a value starting there comes from.
    const cands = overlapping(map, o, o + 1).filter((s) => s.outEnd > s.outStart || s.action);
    const s = cands[0];
    if (!s) {
        const last = map[map.length - 1];
        return last ? last.srcEnd + (o - last.outEnd) : o;
    }
    return s.action ? s.srcStart : s.srcStart + (o - s.outStart);
}
/** `outer` maps output → an intermediate text, `inner` maps that text → source: output → source. */
function composeMaps(outer, inner) {
    const out = [];
    for (const o of outer) {
        const under = overlapping(inner, o.srcStart, o.srcEnd);
        if (o.action) {
            const s = seg(o.outStart, o.outEnd, o.srcStart, o.srcEnd, true);
            if (under.length > 0) {
                const ranges = under.map((u) => mappedRange(u, o.srcStart, o.srcEnd));
                s.srcStart = Math.min(...ranges.map((r) => r[0]));
                s.srcEnd = Math.max(...ranges.map((r) => r[1]));
            }
            s.pipes = [...under.flatMap((u) => u.pipes), ...o.pipes];
            s.placeholders = union(o.placeholders, ...under.map((u) => u.placeholders));
            s.wraps = [...under.flatMap((u) => u.wraps), ...o.wraps];
            out.push(s);
            continue;
        }
        for (const u of under) {
            const a = Math.max(o.srcStart, u.outStart);
            const b = Math.min(o.srcEnd, u.outEnd);
            const shift = o.outStart - o.srcStart;
            const s = u.action
                ? seg(a + shift, b + shift, u.srcStart, u.srcEnd, true)
                : seg(a + shift, b + shift, u.srcStart + (a - u.outStart), u.srcStart + (b - u.outStart), false);
            s.pipes = [...u.pipes];
            s.wraps = [...u.wraps];
            s.placeholders = union(o.placeholders, u.placeholders);
            out.push(s);
        }
    }
    return out;
}
/** The source range of the part [a, b) of `u`'s output: exact for copied text, the action otherwise. */
function mappedRange(u, a, b) {
    if (u.action)
        return [u.srcStart, u.srcEnd];
    const lo = Math.max(a, u.outStart);
    const hi = Math.min(b, u.outEnd);
    return [u.srcStart + (lo - u.outStart), u.srcStart + (hi - u.outStart)];
}
function union(...lists) {
    return [...new Set(lists.flat())].sort();
}

;// CONCATENATED MODULE: ./.build/template/kots-passes.js


/** Builder.RenderTemplate: `{{repl … }}` first, then `repl{{ … }}`, with nil data. */
function renderPasses(text, funcs, name, pool) {
    if (text === '')
        return '';
    let cur = text;
    // Without its left delimiter a pass is plain text and leaves the text as it is.
    for (const [l, r] of [
        ['{{repl', '}}'],
        ['repl{{', '}}'],
    ])
        if (cur.includes(l))
            cur = render(cur, undefined, { name, leftDelim: l, rightDelim: r, funcs, ...(pool ? { pool } : {}) });
    return cur;
}
/** Offset where 1-based `line` starts in `text`; with `upTo`, instead the line number of offset `upTo`. */
function lineStart(text, line, upTo) {
    if (upTo !== undefined) {
        let n = 1;
        for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1))
            n++;
        return n;
    }
    let off = 0;
    for (let l = 1; l < line; l++) {
        const nl = text.indexOf('\n', off);
        if (nl < 0)
            break;
        off = nl + 1;
    }
    return off;
}
/** renderPasses with a source map: each pass records its chunks, the second pass's map is composed
 *  onto the first's. `recorder` is set while a pass runs so function calls report into it. */
function renderPassesMapped(text, funcs, name, setRecorder, pool) {
    let cur = text;
    let map = identityMap(text.length);
    for (const [l, r] of [
        ['{{repl', '}}'],
        ['repl{{', '}}'],
    ]) {
        if (!cur.includes(l))
            continue;
        const rec = new MapRecorder();
        setRecorder(rec);
        try {
            cur = render(cur, undefined, { name, leftDelim: l, rightDelim: r, funcs, hooks: rec, pool });
        }
        catch (e) {
            // The second pass reads the first one's output: give its error the line of the original text.
            if (e instanceof TemplateError && map.length > 0 && cur !== text) {
                const at = sourceOffset(map, lineStart(cur, e.line));
                throw new TemplateError(e.message, e.templateName, lineStart(text, 0, at));
            }
            throw e;
        }
        finally {
            setRecorder(undefined);
        }
        map = composeMaps(rec.segments, map);
    }
    return { output: cur, map };
}

;// CONCATENATED MODULE: ./.build/template/kots-static.js
// KOTS's static functions (replicatedhq/kots pkg/template/static_context.go). Those that read the
// cluster, the environment, the clock or randomness return placeholders and call `taint`.




function num(v) {
    if (typeof v === 'number')
        return { kind: 'float', v };
    const i = intOf(v);
    return i !== undefined ? { kind: 'int', v: i } : { kind: 'other' };
}
const toFloat = (n) => (n.kind === 'float' ? n.v : n.kind === 'int' ? Number(n.v) : 0);
const toInt = (n) => n.kind === 'float' ? BigInt(Math.trunc(n.v)) : n.kind === 'int' ? n.v : 0n;
/** static_context.go add/sub/mult/div: float if either is a float, int64 if the first is an int, else 0. */
function arith(fl, it) {
    return f(['any', 'any'], (a, b) => {
        const x = num(a);
        const y = num(b);
        if (x.kind === 'float' || y.kind === 'float')
            return fl(toFloat(x), toFloat(y));
        if (x.kind === 'int')
            return int64(it(x.v, toInt(y)));
        return 0n;
    });
}
function parseBool(s) {
    return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s);
}
function parseGoInt(s, base, unsigned) {
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
    let t = s;
    let neg = false;
    if (!unsigned && (t[0] === '+' || t[0] === '-')) {
        neg = t[0] === '-';
        t = t.slice(1);
    }
    if (base === 0)
        throw new FuncError('ParseInt with base 0 is not supported');
    if (t === '' || ![...t.toLowerCase()].every((c) => digits.includes(c)))
        return 0n;
    let v = 0n;
    for (const c of t.toLowerCase())
        v = v * BigInt(base) + BigInt(digits.indexOf(c));
    v = neg ? -v : v;
    const max = unsigned ? (1n << 64n) - 1n : (1n << 63n) - 1n;
    if (v > max || v < -(1n << 63n))
        return 0n;
    return v;
}
/** docker/go-units HumanSize: decimal units, 4 significant digits. */
function humanSize(size) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
    let s = size;
    let i = 0;
    while (s >= 1000 && i < units.length - 1) {
        s /= 1000;
        i++;
    }
    return `${Number(s.toPrecision(4))}${units[i]}`;
}
function kots_static_goTrimSpace(s) {
    return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}
function kots_static_trimCutset(s, cut) {
    const set = new Set(cut);
    const cs = [...s];
    let a = 0;
    let b = cs.length;
    while (a < b && set.has(cs[a]))
        a++;
    while (b > a && set.has(cs[b - 1]))
        b--;
    return cs.slice(a, b).join('');
}
function staticFuncs(taint) {
    const ph = (name, params, v, variadic) => {
        const fn = () => {
            taint(name);
            return v;
        };
        return [name, variadic ? fv(params, variadic, fn) : f(params, fn)];
    };
    const unsupported = (name) => [
        name,
        fv([], 'any', () => {
            throw new FuncError(`function ${JSON.stringify(name)} is not supported by this evaluator`);
        }),
    ];
    return new Map([
        ['ToLower', f(['string'], (s) => s.toLowerCase())],
        ['ToUpper', f(['string'], (s) => s.toUpperCase())],
        ['TrimSpace', f(['string'], (s) => kots_static_goTrimSpace(s))],
        [
            'Trim',
            fv(['string'], 'string', (s, ...a) => a.length === 0 ? kots_static_goTrimSpace(s) : kots_static_trimCutset(s, a[0])),
        ],
        ['UrlEncode', f(['string'], (s) => queryEscape(s))],
        ['Base64Encode', f(['string'], (s) => Buffer.from(s).toString('base64'))],
        [
            'Base64Decode',
            f(['string'], (s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)
                ? Buffer.from(s, 'base64').toString('utf8')
                : ''),
        ],
        [
            'Split',
            f(['string', 'string'], (s, sep) => sep === '' ? [...s] : s.split(sep)),
        ],
        [
            'Add',
            arith((a, b) => a + b, (a, b) => a + b),
        ],
        [
            'Sub',
            arith((a, b) => a - b, (a, b) => a - b),
        ],
        [
            'Mult',
            arith((a, b) => a * b, (a, b) => a * b),
        ],
        [
            'Div',
            arith((a, b) => a / b, (a, b) => {
                if (b === 0n)
                    throw new FuncError('runtime error: integer divide by zero');
                return a / b;
            }),
        ],
        ['ParseBool', f(['string'], (s) => parseBool(s))],
        [
            'ParseFloat',
            f(['string'], (s) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : 0)),
        ],
        [
            'ParseInt',
            fv(['string'], 'int', (s, ...b) => new Int64(parseGoInt(s, b.length ? Number(b[0]) : 10, false))),
        ],
        [
            'ParseUint',
            fv(['string'], 'int', (s, ...b) => new Int64(parseGoInt(s, b.length ? Number(b[0]) : 10, true))),
        ],
        ['HumanSize', f(['any'], (v) => humanSize(toFloat(num(v))))],
        ph('Now', [], ''),
        ph('NowFmt', ['string'], ''),
        ph('RandomBytes', ['int'], ''),
        ph('RandomString', ['int'], '', 'any'),
        ph('TLSCert', ['string', 'string', 'any', 'any', 'int'], ''),
        ph('TLSKey', ['string'], '', 'any'),
        ph('TLSCACert', ['string', 'int'], ''),
        ph('TLSCertFromCA', ['string', 'string', 'string', 'any', 'any', 'int'], ''),
        ph('TLSKeyFromCA', ['string', 'string', 'string', 'any', 'any', 'int'], ''),
        ph('IsKurl', [], false),
        ph('Distribution', [], ''),
        ph('NodeCount', [], 0n),
        ph('HTTPSProxy', [], ''),
        ph('HTTPProxy', [], ''),
        ph('NoProxy', [], ''),
        ph('KubernetesVersion', [], '0.0.0+unknown'),
        ph('KubernetesMajorVersion', [], ''),
        ph('KubernetesMinorVersion', [], ''),
        ph('Lookup', ['string', 'string', 'string', 'string'], new Map()),
        ph('PrivateCACert', [], ''),
        unsupported('KubeSeal'),
        unsupported('YamlEscape'),
    ]);
}

;// CONCATENATED MODULE: ./.build/template/kots.js
// The KOTS template function map (replicatedhq/kots pkg/template: builder.go, static_context.go,
// config_context.go, license_context.go, version_context.go, kurl_context.go, identity_context.go)
// as a pure module, and the renderers that run KOTS's two passes (kots-passes.ts) with it. Values
// that depend on the customer, the cluster or the clock are placeholders; calling one records its
// name so callers keep the result `dynamic`. config_context.go reads neither `when` nor `hidden`:
// ConfigOption gives such items' values as for any other item.








/** Documented placeholder results, used when the context does not know the real value. */
const PLACEHOLDERS = {
    replicatedProxyDomain: 'proxy.replicated.com',
    replicatedRegistryDomain: 'registry.replicated.com',
    licenseEndpoint: 'https://replicated.app',
    kotsVersion: '0.0.0',
    distribution: '',
};
/** KOTS's funcs for `ctx`; `taint(name)` is called whenever a placeholder value is returned. */
function kotsFuncMap(ctx, taint, config, wrap) {
    const m = sprigFuncMap();
    for (const [k, v] of staticFuncs(taint))
        m.set(k, v);
    const placeholder = (name, v) => {
        taint(name);
        return v;
    };
    const cfg = config ?? configValues(ctx);
    const s0 = (name, fn) => m.set(name, f([], fn));
    // config_context.go
    m.set('ConfigOption', f(['string'], (n) => cfg.option(n, taint) ?? ''));
    m.set('ConfigOptionName', f(['string'], (n) => n));
    m.set('ConfigOptionIndex', f(['string'], () => ''));
    m.set('ConfigOptionData', f(['string'], (n) => decodeStd(cfg.option(n, taint) ?? '')));
    m.set('ConfigOptionFilename', f(['string'], (n) => cfg.get(n, taint)?.filename ?? ''));
    m.set('ConfigOptionEquals', f(['string', 'string'], (n, v) => {
        const o = cfg.option(n, taint);
        return o !== undefined && o === v;
    }));
    m.set('ConfigOptionNotEquals', f(['string', 'string'], (n, v) => {
        const o = cfg.option(n, taint);
        return o !== undefined && o !== v;
    }));
    // First online install: no local registry (HasLocalRegistry false, registry fields empty).
    s0('LocalRegistryAddress', () => '');
    s0('LocalRegistryHost', () => '');
    s0('LocalRegistryNamespace', () => '');
    s0('HasLocalRegistry', () => false);
    m.set('LocalImageName', f(['string'], (img) => {
        wrap?.(img);
        return ctx.localImageName
            ? ctx.localImageName(img)
            : placeholder('LocalImageName', img);
    }));
    s0('LocalRegistryImagePullSecret', () => placeholder('LocalRegistryImagePullSecret', ''));
    s0('ImagePullSecretName', () => (ctx.appSlug === '' ? '' : `${ctx.appSlug}-registry`));
    // static_context.go: Namespace is the app namespace.
    s0('Namespace', () => ctx.namespace);
    s0('KotsVersion', () => ctx.kotsVersion !== undefined ? ctx.kotsVersion : placeholder('KotsVersion', PLACEHOLDERS.kotsVersion));
    // license_context.go
    m.set('LicenseFieldValue', f(['string'], (n) => licenseField(ctx, n, taint)));
    s0('LicenseDockerCfg', () => placeholder('LicenseDockerCfg', ''));
    // version_context.go
    const ver = ctx.version;
    s0('Sequence', () => ver?.sequence !== undefined ? int64(BigInt(ver.sequence)) : placeholder('Sequence', int64(0n)));
    s0('Cursor', () => ver?.cursor ?? placeholder('Cursor', ''));
    s0('ChannelName', () => ver?.channelName ?? placeholder('ChannelName', ''));
    s0('VersionLabel', () => ver?.versionLabel ?? placeholder('VersionLabel', ''));
    s0('ReleaseNotes', () => ver?.releaseNotes ?? placeholder('ReleaseNotes', ''));
    s0('IsRequired', () => ver?.isRequired ?? placeholder('IsRequired', false));
    s0('IsAirgap', () => false);
    s0('ReplicatedProxyDomain', () => ctx.replicatedProxyDomain ?? placeholder('ReplicatedProxyDomain', PLACEHOLDERS.replicatedProxyDomain));
    s0('ReplicatedRegistryDomain', () => ctx.replicatedRegistryDomain ??
        placeholder('ReplicatedRegistryDomain', PLACEHOLDERS.replicatedRegistryDomain));
    // kurl_context.go and identity_context.go read the cluster: placeholders.
    for (const [n, v] of [
        ['KurlString', ''],
        ['KurlInt', 0n],
        ['KurlBool', false],
        ['KurlOption', ''],
    ])
        m.set(n, f(['string'], () => placeholder(n, v)));
    s0('KurlAll', () => placeholder('KurlAll', ''));
    s0('IdentityServiceEnabled', () => placeholder('IdentityServiceEnabled', false));
    for (const n of [
        'IdentityServiceClientID',
        'IdentityServiceClientSecret',
        'IdentityServiceName',
        'IdentityServicePort',
    ])
        s0(n, () => placeholder(n, ''));
    s0('IdentityServiceRoles', () => placeholder('IdentityServiceRoles', new Map()));
    return m;
}
function licenseField(ctx, name, taint) {
    const known = ctx.license?.[name] ?? (name === 'appSlug' && ctx.appSlug !== '' ? ctx.appSlug : undefined);
    if (known !== undefined)
        return known;
    taint('LicenseFieldValue');
    if (name === 'endpoint')
        return PLACEHOLDERS.licenseEndpoint;
    if (name.startsWith('is') || name.startsWith('Is'))
        return 'false';
    return '';
}
function decodeStd(s) {
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s))
        return '';
    return Buffer.from(s, 'base64').toString('utf8');
}
/** Config values with item templates rendered by KOTS's config builder. */
function configValues(ctx, pool) {
    const values = new ConfigValues(ctx.configGroups ?? [], ctx.configValues ?? {}, (text, v, taint) => renderPasses(text, kotsFuncMap(ctx, taint, v), 'config', pool));
    return values;
}
/**
 * A renderer for one app: Config items are resolved once and shared by every render. Each call
 * returns its output and the placeholder functions it depended on (directly or through Config).
 * Throws TemplateError (with `line`) on a template error.
 */
function kotsRenderer(ctx) {
    const mapped = mappedKotsRenderer(ctx);
    return (text, name) => {
        const { output, placeholders } = mapped(text, name);
        return { output, placeholders };
    };
}
/** kotsRenderer whose results also carry the source map of the output. */
function mappedKotsRenderer(ctx) {
    // One step budget for every render of this app: its files and its Config items.
    const pool = stepPool();
    const values = configValues(ctx, pool);
    let current = new Set();
    let recorder;
    const funcs = kotsFuncMap(ctx, (fn) => {
        current.add(fn);
        recorder?.taint(fn);
    }, values, (image) => recorder?.wrap(image));
    return (text, name = 'template') => {
        current = new Set();
        const { output, map } = renderPassesMapped(text, funcs, name, (r) => {
            recorder = r;
        }, pool);
        return { output, placeholders: [...current].sort(), map };
    };
}
/** Renders `text` as KOTS does (see kotsRenderer; this one resolves Config afresh). */
function renderKots(text, ctx, name = 'template') {
    return kotsRenderer(ctx)(text, name);
}

;// CONCATENATED MODULE: ./.build/scan/rendered.js






/** KOTS's renderer for the release's files on a first install: the Config defaults, no local
 *  registry, `Namespace` the app namespace. The app namespace is written as nothing (`namespace: `
 *  renders to an absent namespace), which is what an absent namespace means to the scan and to
 *  kustomize. `LocalImageName "x"` gives `x` and the map records it (what KOTS gives it is planned). */
function releaseRenderer(configGroups, appSlug) {
    const r = mappedKotsRenderer({ namespace: '', appSlug, configGroups, localImageName: (img) => img });
    return (text, file) => r(text, file);
}
/** The kots.io/exclude and kots.io/when seam: a value rendered with the Config defaults, dynamic
 *  when a placeholder decided it or when this evaluator cannot render it. */
function annotationRenderer(configGroups, appSlug) {
    const render = releaseRenderer(configGroups, appSlug);
    return (text) => {
        try {
            const r = render(text, 'annotation');
            return { value: r.output, dynamic: r.placeholders.length > 0 };
        }
        catch {
            // A template error here already failed the file's own rendering, which reported it.
            return { value: text, dynamic: true };
        }
    };
}
/** A file whose top-level kinds are all `Config`. */
function onlyConfig(text) {
    const kinds = [...text.matchAll(/^kind:[ \t]*["']?([^\s"'#]*)/gm)].map((m) => m[1]);
    return kinds.length > 0 && kinds.every((k) => k === 'Config');
}
/** The text to scan: the rendering when the file has templates and renders, else the text itself
 *  (with a finding saying why it was not rendered). */
function renderFile(file, text, render) {
    // The Config CR's item templates are rendered item by item by the config context, not as a file.
    if (!render || !hasTemplate(text) || onlyConfig(text))
        return { text, findings: [] };
    try {
        const r = render(text, file);
        return { text: r.output, origin: { map: r.map, lc: lineCounterOf(text), source: text }, findings: [] };
    }
    catch (e) {
        if (!(e instanceof TemplateError))
            throw e;
        const pos = { file, line: Math.max(1, e.line), column: 1 };
        const fn = unsupportedFunction(e);
        if (fn !== undefined) {
            const msg = `template function ${fn} is not evaluated by this preview, so this file is scanned as written and its templated values stay dynamic`;
            return { text, findings: [(0,finding/* finding */.g)('template-function-unsupported', pos, msg)] };
        }
        const msg = `KOTS cannot render this file (the install fails here): ${e.message}; the file is scanned as written`;
        return { text, findings: [(0,finding/* finding */.g)('template-error', pos, msg)] };
    }
}
/** Offset in the original text of a 1-based line and column. */
function offsetOf(lc, line, column) {
    return (lc.lineStarts[line - 1] ?? 0) + column - 1;
}
/** The rendered offset whose characters came from original offset `src`. */
function renderedOffset(map, src) {
    for (const s of map) {
        if (s.action ? s.srcStart === src : s.srcStart <= src && src < s.srcEnd)
            return s.action ? s.outStart : s.outStart + (src - s.srcStart);
    }
    return undefined;
}
/** Re-classifies the uses found in a rendered text by the template actions that made them. */
function classifyRenderedUses(uses, rendered) {
    const origin = rendered.origin;
    if (!origin)
        return;
    for (const use of uses) {
        const at = renderedOffset(origin.map, offsetOf(origin.lc, use.pos.line, use.pos.column));
        if (at === undefined)
            continue;
        const quoted = rendered.text[at] === '"' || rendered.text[at] === "'";
        const start = at + (quoted ? 1 : 0);
        // A value KOTS rendered reads the same in the rendered text (unless YAML escapes changed it).
        if (!rendered.text.startsWith(use.raw, start))
            continue;
        if (use.raw === '') {
            // Rendered to nothing: only the install (a value the user gives) can tell the image.
            const segs = overlapping(origin.map, start, start + 1).filter((s) => s.action && s.outStart === start);
            use.templating = { kind: 'dynamic' };
            use.raw = writtenText(origin.source, segs, start, start);
            continue;
        }
        // An action that printed nothing right after the value (an empty tag) is part of it too.
        const end = start + use.raw.length;
        const segs = overlapping(origin.map, start, end + 1).filter((s) => s.outStart < end || s.outEnd === end);
        const c = classify(use.raw, segs, start);
        if (!c)
            continue;
        use.templating = c.templating;
        // What only the install knows is reported as written, as is a wrapped image.
        if (c.templating.kind !== 'none')
            use.raw = writtenText(origin.source, segs, start, start + use.raw.length);
        if (c.resolvedFrom.length > 0)
            use.resolvedFrom = c.resolvedFrom;
    }
}
/** The original text of the output range [start, end) when a placeholder decided any of it: what
 *  only the install knows is kept as written, for the caller to judge. */
function taintedSource(origin, start, end) {
    if (!origin)
        return undefined;
    const segs = overlapping(origin.map, start, end);
    if (!segs.some((s) => s.placeholders.length > 0))
        return undefined;
    return writtenText(origin.source, segs, start, end);
}
/** The original text of the output range [start, end). */
function writtenText(source, segs, start, end) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (const s of segs) {
        const a = s.action ? s.srcStart : s.srcStart + Math.max(0, start - s.outStart);
        const b = s.action ? s.srcEnd : s.srcStart + (Math.min(end, s.outEnd) - s.outStart);
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
    }
    return lo < hi ? source.slice(lo, hi) : '';
}
/** How an image value made of these segments is known, or undefined when no action made any of it. */
function classify(raw, segs, start) {
    const actions = segs.filter((s) => s.action);
    if (actions.length === 0 && segs.every((s) => s.placeholders.length === 0))
        return undefined;
    const resolvedFrom = [...new Set(actions.flatMap((s) => s.pipes))];
    const taintedAt = segs.find((s) => s.placeholders.length > 0)?.outStart;
    const wraps = actions.flatMap((s) => s.wraps);
    if (taintedAt === undefined && actions.length === 1 && wraps.length === 1 && wraps[0] === raw)
        return { templating: { kind: 'wrapped', fn: 'LocalImageName', literal: raw }, resolvedFrom: [] };
    if (taintedAt === undefined && (0,reference/* parseReference */.F2)(raw).ok)
        return { templating: { kind: 'none' }, resolvedFrom };
    // Not known, or not an image with the Config defaults: still checkable when the characters before
    // the first unknown (or templated) one are a whole repository followed by `:` or `@`.
    const firstUnknown = taintedAt ?? Math.min(...actions.map((s) => s.outStart));
    const prefix = raw.slice(0, Math.max(0, firstUnknown - start));
    const m = /^(.+?)[:@][^/]*$/.exec(prefix);
    const repository = m?.[1];
    if (repository && !repository.endsWith('/')) {
        const ref = (0,reference/* parseReference */.F2)(repository);
        if (ref.ok && !ref.ref.tag && !ref.ref.digest)
            return { templating: { kind: 'tag-only', repository }, resolvedFrom };
    }
    return { templating: { kind: 'dynamic' }, resolvedFrom };
}

;// CONCATENATED MODULE: ./.build/scan/yaml/nodes.js




/** Aliases followed per document before we stop following them (guards against alias bombs). */
const MAX_ALIAS_COUNT = 100;
const ALIAS_LIMIT = 'alias limit exceeded';
function posAt(d, offset) {
    const abs = d.base + offset;
    const { line, col } = d.origin ? d.origin.lc.linePos(sourceOffset(d.origin.map, abs)) : d.lc.linePos(abs);
    return { file: d.file, line, column: col };
}
/** Follows an alias to its anchored node (the last one defined before it), within the budget. */
function deref(d, node) {
    if (!(0,yaml_dist/* isAlias */.Vj)(node))
        return node ?? null;
    if (d.aliasesFollowed >= MAX_ALIAS_COUNT) {
        if (!d.problems.has(ALIAS_LIMIT)) {
            d.problems.add(ALIAS_LIMIT);
            const message = `more than ${MAX_ALIAS_COUNT} aliases in one document; the rest were not followed`;
            const pos = posAt(d, node.range?.[0] ?? 0);
            d.sink.findings.push((0,finding/* finding */.g)('yaml-parse-error', pos, message));
        }
        return null;
    }
    d.aliasesFollowed++;
    d.anchors ??= collectAnchors(d.contents);
    const candidates = d.anchors.get(node.source);
    const at = node.range?.[0] ?? 0;
    let found = null;
    for (const c of candidates ?? [])
        if ((c.range?.[0] ?? 0) < at)
            found = c;
    // An anchored node is never itself an alias, so no chain to follow.
    return found;
}
/** One pass over the document, only on the first alias met: anchor name → nodes in document order. */
function collectAnchors(root) {
    const map = new Map();
    const stack = [root];
    while (stack.length > 0) {
        const n = stack.pop();
        if (!(0,yaml_dist/* isScalar */.jn)(n) && !(0,yaml_dist/* isCollection */.P3)(n))
            continue;
        if (n.anchor) {
            const list = map.get(n.anchor) ?? [];
            list.push(n);
            map.set(n.anchor, list);
        }
        if ((0,yaml_dist/* isMap */.jh)(n))
            for (const p of n.items)
                stack.push(p.value, p.key);
        else if ((0,yaml_dist/* isSeq */.oP)(n))
            for (const it of n.items)
                stack.push(it);
    }
    for (const list of map.values())
        list.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
    return map;
}
/** The plain string of a key node, or null for complex keys. */
function keyString(pair) {
    const k = pair.key;
    if ((0,yaml_dist/* isScalar */.jn)(k) && k.value !== null && k.value !== undefined)
        return k.source ?? String(k.value);
    return null;
}
/** Value node of `key` in a map node (first match); the map may be an alias. The value is returned as
 *  written (possibly an alias, so a use keeps its own position): every reader here derefs it. */
function get(d, map, key) {
    const m = deref(d, map);
    if (!(0,yaml_dist/* isMap */.jh)(m))
        return null;
    for (const p of m.items)
        if (keyString(p) === key)
            return p.value ?? null;
    return null;
}
function nodes_asMap(d, node) {
    const n = deref(d, node);
    return (0,yaml_dist/* isMap */.jh)(n) ? n : null;
}
/** Items of a sequence node, aliases not yet followed (callers deref each item). */
function seqItems(d, node) {
    const n = deref(d, node);
    return (0,yaml_dist/* isSeq */.oP)(n) ? n.items : [];
}
const TEMPLATE_OPEN = '{{';
const TRAILING_COMMENT = /[ \t]#/;
/** An unquoted `{{repl X }}` / `{{ … }}` that YAML read as a flow collection. */
function isFlowTemplate(d, node) {
    return ((0,yaml_dist/* isCollection */.P3)(node) &&
        node.flow === true &&
        !!node.range &&
        d.text.startsWith(TEMPLATE_OPEN, d.base + node.range[0]));
}
/** Scalar → its source string (so `1.10` stays `1.10`); null/empty scalars → null. An unquoted
 *  `{{repl X }}` (a flow map to YAML) → the source text from `{{` to the end of its line, minus a
 *  trailing comment, and the document is marked: kustomize cannot take it as written. */
function textValue(d, node) {
    if ((0,yaml_dist/* isAlias */.Vj)(node)) {
        // The value of the anchored node, positioned where the alias is used (each use its own location).
        const target = textValue(d, deref(d, node));
        return target && node.range ? { ...target, offset: node.range[0] } : target;
    }
    const n = node;
    if ((0,yaml_dist/* isScalar */.jn)(n))
        return nodes_scalarText(n);
    if ((0,yaml_dist/* isCollection */.P3)(n) && n.flow && n.range) {
        const start = n.range[0];
        const abs = d.base + start;
        if (d.text.startsWith(TEMPLATE_OPEN, abs)) {
            d.problems.add('template parsed as a flow map');
            return { raw: templateSource(d.text, abs, d.base + n.range[1]), offset: start, flowTemplate: true };
        }
    }
    return null;
}
function nodes_scalarText(n) {
    if (n.value === null || n.value === undefined || !n.range)
        return null;
    const raw = n.source ?? String(n.value);
    if (raw === '')
        return null;
    return { raw, offset: n.range[0], flowTemplate: false };
}
/** Source from `start` to the end of its line (or the node end, if later), without a ` #` comment. */
function templateSource(text, start, end) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0)
        lineEnd = text.length;
    let s = text.slice(start, Math.max(lineEnd, end));
    const lastClose = s.lastIndexOf('}}');
    const hash = s.search(TRAILING_COMMENT);
    if (hash >= 0 && hash > lastClose)
        s = s.slice(0, hash);
    return s.trimEnd();
}
/** String value of a scalar (its source text), or undefined. */
function nodes_str(d, node) {
    return textValue(d, node)?.raw;
}
/** How a values tree (helm/values-tree.ts) is built from this document: positions through `base`,
 *  aliases within the budget, unquoted `{{ … }}` as the template's text; `skip` is left out. */
function treeHooks(d, skip) {
    return {
        file: d.file,
        posOf: (n) => posAt(d, n.range?.[0] ?? 0),
        resolve: (a) => deref(d, a),
        flowText: (n) => (isFlowTemplate(d, n) ? textValue(d, n)?.raw : undefined),
        writtenText: (n) => {
            if (!d.origin || !(0,yaml_dist/* isScalar */.jn)(n) || !n.range)
                return undefined;
            const q = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE' ? 1 : 0;
            return taintedSource(d.origin, d.base + n.range[0] + q, d.base + n.range[1] - q);
        },
        ...(skip ? { skip: (n) => n === skip } : {}),
    };
}

;// CONCATENATED MODULE: ./.build/scan/yaml/podspec.js
// PodSpecs (replicatedhq/kots pkg/image finds images in them): the containers KOTS and kustomize rewrite, the workload that receives the
// pull secret, and the operator-style image references in container env and args.






const CONTAINER_LISTS = new Map([
    ['containers', 'container'],
    ['initContainers', 'initContainer'],
    ['ephemeralContainers', 'ephemeralContainer'],
]);
/** Records one image use; `shift` moves the position into the value (for `--flag=<image>`). */
function addUse(d, tv, context, extra = {}, raw = tv.raw, shift = 0) {
    const use = {
        raw,
        templating: classifyTemplating(raw),
        pos: posAt(d, tv.offset + shift),
        context,
    };
    if (extra.workload !== undefined)
        use.workload = extra.workload;
    if (extra.helmChart !== undefined)
        use.helmChart = extra.helmChart;
    d.sink.uses.push(use);
}
/** A PodSpec is a map with at least one container list; anything else at a PodSpec path (a CRD's
 *  unrelated `spec.template.spec`) yields no workload. Returns true when a workload was recorded. */
function scanPodSpec(d, podSpec, owner, podSpecPath) {
    // Container lists in source order, so uses come out in the order they are written.
    const lists = [];
    for (const pair of podSpec.items) {
        const context = CONTAINER_LISTS.get(keyString(pair) ?? '');
        if (context)
            lists.push([pair.value, context]);
    }
    if (lists.length === 0)
        return false;
    const workload = d.sink.workloads.length;
    let containerCount = 0;
    let collapses = false;
    for (const [node, context] of lists) {
        if (context === 'ephemeralContainer')
            continue;
        // Counted without following aliases, which would spend the alias budget the images need.
        const items = seqItems(d, node);
        containerCount += items.length;
        const nameless = namelessContainers(d, items.map((item) => ((0,yaml_dist/* isMap */.jh)(item) ? item : null)), context);
        collapses ||= nameless;
    }
    d.sink.workloads.push({
        file: d.file,
        docIndex: d.docIndex,
        apiVersion: owner.apiVersion,
        kind: owner.kind,
        name: owner.name,
        ...(owner.namespace
            ? { namespace: owner.namespace.raw, namespacePos: posAt(d, owner.namespace.offset) }
            : {}),
        podSpecPath,
        ...(collapses ? { collapsesNameless: true } : {}),
        imagePullSecrets: pullSecretNames(d, podSpec),
        pos: posAt(d, owner.kindOffset),
        containerCount,
    });
    for (const [node, context] of lists) {
        for (const item of seqItems(d, node)) {
            const c = nodes_asMap(d, item);
            if (!c)
                continue;
            const node = get(d, c, 'image');
            const image = textValue(d, node) ?? renderedEmpty(d, node);
            if (image)
                addUse(d, image, context, { workload });
            scanContainerOperatorRefs(d, c, workload);
        }
    }
    return true;
}
/** Containers without `name`: the Kubernetes API rejects them, and kustomize's strategic-merge
 *  patches (KOTS's midstream patches them all) key containers by name, so two nameless ones in one
 *  list collapse into the last. */
function namelessContainers(d, items, context) {
    const nameless = items.filter((c) => c !== null && nodes_str(d, get(d, c, 'name')) === undefined);
    // One nameless container collapses with nothing; with block-level templates only one branch may render.
    if (nameless.length < 2 || d.problems.has('template at block level') || d.problems.has('parse error'))
        return false;
    const list = context === 'initContainer' ? 'initContainers' : 'containers';
    for (const c of nameless) {
        const more = `; kustomize's strategic-merge patches (KOTS patches every workload) key ${list} by name, so only the last of these ${nameless.length} nameless ones survives`;
        d.sink.findings.push((0,finding/* finding */.g)('container-without-name', posAt(d, c.range?.[0] ?? 0), `a container in ${list} has no name${more}`));
    }
    return true;
}
/** An image a template rendered to nothing (a Config item with no default): still an image use, which
 *  the rendered-file classification reports as written and dynamic. */
function renderedEmpty(d, node) {
    if (!d.origin || !(0,yaml_dist/* isScalar */.jn)(node) || !node.range || (node.value !== null && node.value !== ''))
        return null;
    const [a, b] = node.range;
    const q = d.text[d.base + a] === '"' || d.text[d.base + a] === "'" ? 1 : 0;
    const at = d.base + a + q;
    const made = overlapping(d.origin.map, at, Math.max(at, d.base + b - q)).some((x) => x.action);
    return made ? { raw: '', offset: a, flowTemplate: false } : null;
}
function pullSecretNames(d, podSpec) {
    const node = get(d, podSpec, 'imagePullSecrets');
    if (node === null)
        return null;
    const names = [];
    for (const item of seqItems(d, node)) {
        const name = nodes_str(d, get(d, item, 'name'));
        if (name !== undefined)
            names.push(name);
    }
    return names;
}
/** Image references an operator container passes on: env values and args/command items. */
function scanContainerOperatorRefs(d, c, workload) {
    for (const item of seqItems(d, get(d, c, 'env'))) {
        const value = textValue(d, get(d, item, 'value'));
        if (!value)
            continue;
        const name = nodes_str(d, get(d, item, 'name'));
        const named = name !== undefined && isImageEnvName(name);
        if (hasTemplate(value.raw)) {
            // A named env takes any template; elsewhere only a wrapped literal proves it is an image.
            if (named || classifyTemplating(value.raw).kind === 'wrapped')
                addUse(d, value, 'operator', { workload });
        }
        else if (looksLikeImage(value.raw, named ? 'named' : 'anywhere')) {
            addUse(d, value, 'operator', { workload });
        }
    }
    for (const key of ['command', 'args']) {
        for (const item of seqItems(d, get(d, c, key))) {
            const tv = textValue(d, item);
            if (tv)
                scanArg(d, tv, workload);
        }
    }
}
/** One arg item: the whole item, or the value part of `--flag=<value>`, positioned at that part. */
function scanArg(d, tv, workload) {
    const off = flagValueOffset(tv.raw);
    const candidate = off >= 0 ? tv.raw.slice(off) : tv.raw;
    const isImage = hasTemplate(candidate)
        ? classifyTemplating(candidate).kind === 'wrapped'
        : looksLikeImage(candidate, 'anywhere');
    if (!isImage)
        return;
    addUse(d, tv, 'operator', { workload }, candidate, off >= 0 ? sourceShift(d, tv, off) : 0);
}
/** Offset in the source of character `off` of the value: exact for plain and quoted scalars without
 *  escapes before it; otherwise the value's start (a block scalar, an escape sequence). */
function sourceShift(d, tv, off) {
    const abs = d.base + tv.offset;
    const prefix = tv.raw.slice(0, off);
    if (d.text.startsWith(prefix, abs))
        return off;
    const q = d.text[abs];
    if ((q === '"' || q === "'") && d.text.startsWith(prefix, abs + 1))
        return off + 1;
    return 0;
}

;// CONCATENATED MODULE: ./.build/scan/yaml/kots.js
// KOTS custom resources (kots.io/v1beta1 and v1beta2 kinds): the Application (settings + additionalImages) and HelmChart
// v1beta1 / v1beta2 (chart identity, namespace, image values, whether a pull secret is passed).






const PULL_SECRET_FN = 'ImagePullSecretName';
/** `kots.io/v1beta1 Application`. Only the first Application of a release counts (mergeScans). */
function scanApplication(d, root, owner) {
    const spec = get(d, root, 'spec');
    const additionalNamespaces = [];
    const additionalNamespacePos = [];
    for (const item of seqItems(d, get(d, spec, 'additionalNamespaces'))) {
        const tv = textValue(d, item);
        if (!tv)
            continue;
        additionalNamespaces.push(tv.raw);
        additionalNamespacePos.push(posAt(d, tv.offset));
    }
    const excludedImages = [];
    for (const item of seqItems(d, get(d, spec, 'excludedImages'))) {
        const s = nodes_str(d, item);
        if (s !== undefined)
            excludedImages.push(s);
    }
    const app = {
        pos: posAt(d, owner.kindOffset),
        additionalNamespaces,
        additionalNamespacePos,
        excludedImages,
        proxyPublicImages: nodes_str(d, get(d, spec, 'proxyPublicImages')) === 'true',
    };
    const proxyDomain = nodes_str(d, get(d, spec, 'proxyRegistryDomain'));
    if (proxyDomain !== undefined)
        app.proxyRegistryDomain = proxyDomain;
    const registryDomain = nodes_str(d, get(d, spec, 'replicatedRegistryDomain'));
    if (registryDomain !== undefined)
        app.replicatedRegistryDomain = registryDomain;
    // Keep the first Application of the file; mergeScans keeps the first of the release.
    d.sink.application ??= app;
    for (const item of seqItems(d, get(d, spec, 'additionalImages'))) {
        const tv = textValue(d, item);
        if (tv)
            addUse(d, tv, 'additionalImage');
    }
}
/** `kots.io/v1beta1` or `kots.io/v1beta2` HelmChart. Containers inside its values are helm values,
 *  never PodSpecs of the HelmChart. */
function scanHelmChart(d, root, owner) {
    const v2 = owner.apiVersion === KOTS_API_V2;
    const spec = get(d, root, 'spec');
    const chart = get(d, spec, 'chart');
    const ns = textValue(d, get(d, spec, 'namespace'));
    const info = {
        file: d.file,
        apiVersion: v2 ? KOTS_API_V2 : KOTS_API_V1,
        name: owner.name,
        chartName: nodes_str(d, get(d, chart, 'name')) ?? '',
        pos: posAt(d, owner.kindOffset),
        passesPullSecret: false,
    };
    const chartKey = nodes_asMap(d, spec)?.items.find((pair) => keyString(pair) === 'chart')?.key;
    if (chartKey?.range)
        info.chartPos = posAt(d, chartKey.range[0]);
    const chartVersion = nodes_str(d, get(d, chart, 'chartVersion'));
    if (chartVersion !== undefined)
        info.chartVersion = chartVersion;
    // v1 keeps releaseName under chart, v2 directly under spec; accept either place for both.
    const releaseName = v2
        ? (nodes_str(d, get(d, spec, 'releaseName')) ?? nodes_str(d, get(d, chart, 'releaseName')))
        : (nodes_str(d, get(d, chart, 'releaseName')) ?? nodes_str(d, get(d, spec, 'releaseName')));
    if (releaseName !== undefined)
        info.releaseName = releaseName;
    if (!v2 && nodes_str(d, get(d, spec, 'useHelmInstall')) === 'true')
        info.useHelmInstall = true;
    const exclude = nodes_str(d, get(d, spec, 'exclude'));
    if (exclude !== undefined)
        info.exclude = exclude;
    if (ns) {
        info.namespace = ns.raw;
        info.namespacePos = posAt(d, ns.offset);
    }
    const helmChart = d.sink.helmCharts.length;
    d.sink.helmCharts.push(info);
    // `values` is layer 1, each optionalValues entry layer 2: an optional value outranks the one it replaces.
    const hooks = treeHooks(d);
    const layers = { values: convertTree(get(d, spec, 'values'), 1, hooks), optional: [] };
    for (const opt of seqItems(d, get(d, spec, 'optionalValues'))) {
        const when = nodes_str(d, get(d, opt, 'when'));
        layers.optional.push({
            values: convertTree(get(d, opt, 'values'), 2, hooks),
            recursiveMerge: nodes_str(d, get(d, opt, 'recursiveMerge')) === 'true',
            ...(when !== undefined ? { when } : {}),
        });
    }
    d.sink.chartLayers.push(layers);
    info.passesPullSecret =
        [layers.values, ...layers.optional.map((o) => o.values)].some(mentionsPullSecret) || rendersPullSecret(d);
    const { uses, pullSecrets } = crUses(layers, helmChart);
    (0,util/* append */.BC)(d.sink.uses, uses);
    if (pullSecrets.length > 0)
        info.pullSecretValues = pullSecrets;
}
/** In a rendered file: an ImagePullSecretName action printed into this document. */
function rendersPullSecret(d) {
    const [start, end] = d.range ?? [0, 0];
    return (d.origin?.map.some((s) => s.outStart >= start && s.outStart < end && s.pipes.some((p) => p.includes(PULL_SECRET_FN))) ?? false);
}
/** Any string leaf that calls ImagePullSecretName (KOTS renders it to the pull secret's name). */
function mentionsPullSecret(node) {
    if (node.kind === 'scalar')
        return typeof node.value === 'string' && node.value.includes(PULL_SECRET_FN);
    if (node.kind === 'seq')
        return node.items.some(mentionsPullSecret);
    if (node.kind === 'map')
        return [...node.entries.values()].some(mentionsPullSecret);
    return false;
}

;// CONCATENATED MODULE: ./.build/scan/yaml/document.js
// One YAML document → DocumentInfo, workloads and image uses. The walk visits only the paths that can
// hold images (PodSpecs, KOTS kinds, List items); custom resources are the one kind walked in full.















const MAX_LIST_DEPTH = 10;
const CRONJOB_PODSPEC = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
const TEMPLATE_PODSPEC = ['spec', 'template', 'spec'];
const POD_PODSPEC = ['spec'];
/** API groups whose kinds are built in: their scalar fields are never operator image fields. */
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling']);
/** Groups whose resources KOTS or troubleshoot handle themselves: not operator custom resources. */
const NOT_OPERATOR_GROUPS = new Set(['kots.io', 'troubleshoot.sh', 'troubleshoot.replicated.com']);
/** Scans one composed document. Returns null for an empty document (only comments or `---`), which is
 *  not a document: it takes no docIndex. `d` arrives with contents/base unset; this fills them. */
function scanDocument(d, doc) {
    let parsed = doc;
    d.range = [doc.range[0], doc.range[2]];
    if (doc.errors.length > 0 && hasTemplate(d.text.slice(doc.range[0], doc.range[2]))) {
        // Whole-line templates (`repl{{ if … }}`) break the YAML; KOTS renders them away. Re-parse this
        // document alone with those lines blanked (offsets unchanged), so the images inside are still found.
        const { text: blanked, count } = blankBlockTemplates(d.text.slice(doc.range[0], doc.range[2]));
        if (count > 0) {
            const again = [...new yaml_dist/* Composer */.Dk().compose(new yaml_dist/* Parser */.iX().parse(blanked))];
            const first = again[0];
            if (!first)
                return null;
            parsed = first;
            d.base = doc.range[0];
            d.problems.add('template at block level');
        }
    }
    const contents = parsed.contents;
    const empty = contents === null || ((0,yaml_dist/* isScalar */.jn)(contents) && contents.value === null);
    if (empty && parsed.errors.length === 0 && d.problems.size === 0)
        return null;
    d.contents = contents;
    classifyErrors(d, parsed);
    const info = {
        docIndex: d.docIndex,
        pos: posAt(d, contents?.range?.[0] ?? parsed.range[0]),
        span: [doc.range[0], doc.range[2]],
    };
    const root = nodes_asMap(d, contents);
    if (root) {
        const apiVersion = nodes_str(d, get(d, root, 'apiVersion'));
        const kind = nodes_str(d, get(d, root, 'kind'));
        const meta = get(d, root, 'metadata');
        const name = nodes_str(d, get(d, meta, 'name'));
        const namespace = nodes_str(d, get(d, meta, 'namespace'));
        if (apiVersion !== undefined)
            info.apiVersion = apiVersion;
        else
            d.problems.add('no apiVersion');
        if (kind !== undefined)
            info.kind = kind;
        else
            d.problems.add('no kind');
        if (name !== undefined)
            info.name = name;
        // `namespace: ''` (what `{{repl Namespace }}` renders to here) is no namespace, as to kustomize.
        if (namespace)
            info.namespace = namespace;
        const annotations = get(d, meta, 'annotations');
        const exclude = annotationInfo(d, annotations, 'kots.io/exclude');
        if (exclude)
            info.exclude = exclude;
        const when = annotationInfo(d, annotations, 'kots.io/when');
        if (when)
            info.when = when;
        scanObject(d, root, [], 0);
    }
    else if (!empty) {
        d.problems.add('not a mapping');
    }
    if (d.problems.size > 0)
        info.problem = [...d.problems].join('; ');
    return info;
}
/** One annotation as yaml.v2 would see it (pkg/base/base.go decodes annotations into interface{}). */
function annotationInfo(d, annotations, key) {
    const m = nodes_asMap(d, annotations);
    if (!m)
        return undefined;
    const pair = m.items.find((p) => keyString(p) === key);
    if (!pair)
        return undefined;
    const node = pair.value;
    const pos = posAt(d, node?.range?.[0] ?? pair.key?.range?.[0] ?? 0);
    if (node === null || (0,yaml_dist/* isScalar */.jn)(node)) {
        const tv = textValue(d, node);
        const plain = node === null || node.type === 'PLAIN';
        // Rendered with a placeholder: the value as written, which only the install can decide.
        const q = plain ? 0 : 1;
        const written = node?.range && taintedSource(d.origin, d.base + node.range[0] + q, d.base + node.range[1] - q);
        return { text: written || (tv?.raw ?? ''), plain, pos };
    }
    const tv = textValue(d, node);
    // An unquoted `{{repl … }}` reads as a flow map here but renders to a plain scalar in KOTS.
    if (tv?.flowTemplate)
        return { text: tv.raw, plain: true, pos };
    return { other: (0,yaml_dist/* isSeq */.oP)(node) ? '[]interface {}' : 'map[interface {}]interface {}', pos };
}
/** YAML errors: those on a line holding a KOTS template are the template's doing (KOTS renders it
 *  before parsing); the rest give one `yaml-parse-error` finding per document, at the first error. */
function classifyErrors(d, parsed) {
    let first = null;
    let count = 0;
    const templateLines = new Map();
    for (const e of parsed.errors) {
        const abs = d.base + e.pos[0];
        if (lineHasTemplate(d, abs, templateLines)) {
            d.problems.add('template makes the YAML invalid');
            continue;
        }
        count++;
        if (first)
            continue;
        const pos = posAt(d, lastContentBefore(d.text, d.base + e.pos[0]) - d.base);
        const msg = (0,util/* firstLine */.TM)(e.message);
        first = (0,finding/* finding */.g)('yaml-parse-error', pos, msg);
    }
    if (first) {
        if (count > 1)
            first.message += ` (and ${count - 1} more error${count > 2 ? 's' : ''} in this document)`;
        d.sink.findings.push(first);
        d.problems.add('parse error');
    }
}
/** yaml reports unterminated constructs at the end of input, which may be past the last line; point
 *  at the last non-blank character instead, so the position is always inside the file's text. */
function lastContentBefore(text, abs) {
    if (/\S/.test(text.slice(abs, abs + 4096)) || (abs + 4096 < text.length && /\S/.test(text.slice(abs))))
        return abs;
    let i = Math.min(abs, text.length) - 1;
    while (i > 0 && /\s/.test(text[i] ?? ''))
        i--;
    return Math.max(0, Math.min(abs, i));
}
/** One answer per line, found through the line index: a long line with thousands of errors (a line of
 *  `"`s) must not be rescanned for each error, which made the scan quadratic. */
function lineHasTemplate(d, abs, cache) {
    const start = abs - d.lc.linePos(abs).col + 1;
    let known = cache.get(start);
    if (known === undefined) {
        let end = d.text.indexOf('\n', start);
        if (end < 0)
            end = d.text.length;
        // In a rendered file, what a placeholder printed (not the real value) may be what breaks the line.
        known = d.origin
            ? overlapping(d.origin.map, start, end).some((s) => s.placeholders.length > 0)
            : hasTemplate(d.text.slice(start, end));
        cache.set(start, known);
    }
    return known;
}
/** An object: the document root or an item of a List (`prefix` = ['items', '3'], …). */
function scanObject(d, root, prefix, depth) {
    const kindNode = get(d, root, 'kind');
    const kind = nodes_str(d, kindNode);
    if (kind === undefined || !kindNode?.range)
        return;
    const apiVersion = nodes_str(d, get(d, root, 'apiVersion')) ?? '';
    if (kind === 'Secret' || kind === 'ConfigMap')
        return; // data is never an image
    const meta = get(d, root, 'metadata');
    const owner = {
        apiVersion,
        kind,
        kindOffset: kindNode.range[0],
        name: nodes_str(d, get(d, meta, 'name')) ?? '',
        namespace: textValue(d, get(d, meta, 'namespace')),
    };
    const group = apiGroup(apiVersion);
    // KOTS reads these itself and never deploys them (pkg/kotsutil/kots.go IsKotsKind).
    if (isKotsKind(apiVersion, kind)) {
        if (kind === 'Application' && apiVersion === KOTS_API_V1)
            scanApplication(d, root, owner);
        if (kind === 'HelmChart' && (apiVersion === KOTS_API_V1 || apiVersion === KOTS_API_V2)) {
            scanHelmChart(d, root, owner);
        }
        if (isCollectorSpec(apiVersion, kind))
            scanCollectors(d, root);
        return;
    }
    const items = get(d, root, 'items');
    if (kind.endsWith('List') && items !== null) {
        if (depth >= MAX_LIST_DEPTH)
            return;
        seqItems(d, items).forEach((item, i) => {
            const m = nodes_asMap(d, item);
            if (m)
                scanObject(d, m, [...prefix, 'items', String(i)], depth + 1);
        });
        return;
    }
    const path = kind === 'Pod' ? POD_PODSPEC : kind === 'CronJob' ? CRONJOB_PODSPEC : TEMPLATE_PODSPEC;
    let podSpec = root;
    for (const key of path)
        podSpec = get(d, podSpec, key);
    const podSpecMap = nodes_asMap(d, podSpec);
    if (podSpecMap)
        scanPodSpec(d, podSpecMap, owner, [...prefix, ...path]);
    if (isOperatorResource(group)) {
        // The whole object minus the PodSpec (scanned above); metadata is never an image (helm/image-slots.ts).
        const tree = convertTree(root, 0, treeHooks(d, podSpecMap ?? undefined));
        for (const slot of collectSlots(tree, { mode: 'operator' }))
            d.sink.uses.push(slotUse(slot, 'operator'));
    }
}
/** Collector images (pkg/kotsutil/kots.go GetImagesFromKotsKinds: ImageRunner and PodSpecRunner). */
function scanCollectors(d, root) {
    for (const item of seqItems(d, get(d, get(d, root, 'spec'), 'collectors'))) {
        for (const key of IMAGE_RUNNER_COLLECTORS) {
            const tv = textValue(d, get(d, get(d, item, key), 'image'));
            if (tv)
                addUse(d, tv, 'collector');
        }
        for (const key of POD_SPEC_RUNNER_COLLECTORS) {
            const podSpec = get(d, get(d, item, key), 'podSpec');
            for (const list of ['initContainers', 'containers']) {
                for (const c of seqItems(d, get(d, podSpec, list))) {
                    const tv = textValue(d, get(d, c, 'image'));
                    if (tv)
                        addUse(d, tv, 'collector');
                }
            }
        }
    }
}
function apiGroup(apiVersion) {
    const slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
/** A custom resource an operator reads: not a built-in kind, not KOTS or troubleshoot. */
function isOperatorResource(group) {
    if (BUILTIN_GROUPS.has(group) || group.endsWith('.k8s.io') || group.endsWith('.kots.io'))
        return false;
    return !NOT_OPERATOR_GROUPS.has(group);
}

;// CONCATENATED MODULE: ./.build/scan/index.js
// The scanner's public API: release paths → files → one ScanResult (architecture: walk → parse → extract).
// scanText is pure; scanRelease reads files one at a time so memory stays bounded by the largest file.

















/** Scans one file's text. `file` is the display path (relative to the working directory, `/`
 *  separators). Positions are 1-based and ignore a leading BOM; CRLF line ends are fine. Documents
 *  that are empty (only comments or `---`) are not documents: `docIndex` counts the others, so it is
 *  the index into `files[0].documents`. */
function scanText(file, text, render) {
    return scanFile(file, text, render).result;
}
/** scanText plus each HelmChart CR's values layers (parallel to `result.helmCharts`). With `render`,
 *  a file holding KOTS templates is scanned as KOTS renders it; positions stay the original's. */
function scanFile(file, text, render) {
    const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const rendered = renderFile(file, original, render);
    const src = rendered.text;
    // Line starts come from the text itself, not from Parser's onNewLine callback (see lineCounterOf).
    const lc = lineCounterOf(src);
    const parser = new yaml_dist/* Parser */.iX();
    const composer = new yaml_dist/* Composer */.Dk();
    const sink = {
        uses: [],
        workloads: [],
        helmCharts: [],
        chartLayers: [],
        findings: [...rendered.findings],
    };
    const documents = [];
    for (const doc of composer.compose(parser.parse(src))) {
        const d = {
            file,
            text: src,
            base: 0,
            lc,
            docIndex: documents.length,
            contents: null,
            sink,
            problems: new Set(),
            aliasesFollowed: 0,
            ...(rendered.origin ? { origin: rendered.origin } : {}),
        };
        const info = scanDocument(d, doc);
        if (info)
            documents.push(info);
    }
    classifyRenderedUses(sink.uses, rendered);
    const result = {
        files: [{ file, documents, ...(rendered.origin ? { rendered: { text: src } } : {}) }],
        uses: sink.uses,
        workloads: sink.workloads,
        helmCharts: sink.helmCharts,
        findings: sink.findings,
    };
    if (sink.application)
        result.application = sink.application;
    // Without this, the values kept (image references, names) would keep the whole text alive.
    ownStrings([result, sink.chartLayers]);
    return { result, layers: sink.chartLayers };
}
/** Concatenates per-file results in order, remapping `workload` and `helmChart` indices. Only the first
 *  Application counts (KOTS takes one per release); later ones are dropped without a finding. */
function mergeScans(parts) {
    const out = { files: [], uses: [], workloads: [], helmCharts: [], findings: [] };
    for (const p of parts) {
        const w0 = out.workloads.length;
        const h0 = out.helmCharts.length;
        (0,util/* append */.BC)(out.files, p.files);
        for (const u of p.uses) {
            const use = { ...u };
            if (u.workload !== undefined)
                use.workload = u.workload + w0;
            if (u.helmChart !== undefined)
                use.helmChart = u.helmChart + h0;
            out.uses.push(use);
        }
        (0,util/* append */.BC)(out.workloads, p.workloads);
        (0,util/* append */.BC)(out.helmCharts, p.helmCharts);
        (0,util/* append */.BC)(out.findings, p.findings);
        if (!out.application && p.application)
            out.application = p.application;
    }
    return out;
}
/** Walks the PATHs, then reads and scans each file in order, reads the chart archives, and joins each
 *  HelmChart CR with its archive (helm/join.ts). A file or archive that cannot be read gives a
 *  `path-skipped` finding and the others are still scanned. Throws UsageError for a missing PATH or
 *  an unreadable file named as a PATH. */
async function scanRelease(paths, cwd, options = {}) {
    return (await scanReleaseCharts(paths, cwd, options)).scan;
}
/** scanRelease, plus each HelmChart CR that found its archive. `packaged` charts join like the
 *  release's `.tgz` files (after them); files under their directories are not scanned as manifests,
 *  since a chart's templates and values are not manifests KOTS applies. */
async function scanReleaseCharts(paths, cwd, options = {}) {
    const { readFile = (p) => (0,promises_.readFile)(p, 'utf8'), readBytes = readArchiveFile, archiveBudget = DEFAULT_ARCHIVE_BUDGET, appSlug = '', packaged = [], } = options;
    const walked = excludeChartDirs(await walkRelease(paths, cwd), packaged);
    const config = await readReleaseConfig(walked.files, cwd, readFile);
    const render = releaseRenderer(config.groups, appSlug);
    // A manifest named on the command line that cannot be read is unreadable input (exit 2); one found
    // by walking a directory is skipped with a finding so the rest of the release is still scanned.
    const explicit = new Set(paths.map((p) => external_node_path_.resolve(cwd, p)));
    const parts = [];
    const layers = [];
    const skipped = [];
    for await (const read of readAhead(walked.files, (file) => readFile(external_node_path_.resolve(cwd, file)))) {
        const { file } = read;
        if ('error' in read) {
            const e = read.error;
            if (explicit.has(external_node_path_.resolve(cwd, file)))
                throw new model/* UsageError */.e(`cannot read ${file}: ${(0,util/* firstErrorLine */.hf)(e)}`);
            skipped.push(pathSkipped(file, `cannot read file: ${(0,util/* firstErrorLine */.hf)(e)}`));
            continue;
        }
        const scanned = scanFile(file, read.text, render);
        parts.push(scanned.result);
        (0,util/* append */.BC)(layers, scanned.layers);
    }
    const archives = [];
    let retained = 0;
    const sources = [
        ...walked.archives.map((file) => ({ file, read: () => readBytes(external_node_path_.resolve(cwd, file)) })),
        ...packaged.map((p) => ({ file: p.dir, read: async () => p.bytes })),
    ];
    for (const { file, read } of sources) {
        if (retained >= archiveBudget) {
            skipped.push(pathSkipped(file, overBudgetMessage(archiveBudget)));
            continue;
        }
        let bytes;
        try {
            bytes = await read();
        }
        catch (e) {
            skipped.push(pathSkipped(file, `cannot read file: ${(0,util/* firstErrorLine */.hf)(e)}`));
            continue;
        }
        const chart = readChartArchive(file, bytes);
        if ('error' in chart) {
            skipped.push(pathSkipped(file, `not a readable Helm chart archive: ${chart.error}`));
            continue;
        }
        retained += retainedSize(chart);
        if (retained > archiveBudget) {
            skipped.push(pathSkipped(file, overBudgetMessage(archiveBudget)));
            continue;
        }
        for (const w of allWarnings(chart))
            skipped.push(pathSkipped(file, w));
        archives.push(chart);
    }
    const merged = joinChartArchives(mergeScans(parts), layers, archives);
    merged.findings = [...walked.findings, ...skipped, ...config.findings, ...merged.findings];
    if (config.groups.length > 0)
        merged.config = config.groups;
    merged.chartArchives = archives.map((a) => ({ file: a.displayPath, name: a.name, version: a.version }));
    const charts = [];
    merged.helmCharts.forEach((c, index) => {
        const archive = matchChartArchive(archives, c.chartName, c.chartVersion);
        const crLayers = layers[index];
        if (archive && crLayers)
            charts.push({ index, archive, layers: crLayers });
    });
    return { scan: merged, charts };
}
/** A chart archive's bytes, refused by its size first (MAX_ARCHIVE_FILE_BYTES). */
async function readArchiveFile(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        if (size > MAX_ARCHIVE_FILE_BYTES)
            throw new Error(`larger than ${MAX_ARCHIVE_FILE_BYTES} bytes (${size}), so it was not read`);
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}
/** The release's Config CR (KOTS takes the first one): read before any file is rendered, since
 *  every file's templates may read its items. Unreadable files are left to the scan to report. */
async function readReleaseConfig(files, cwd, readFile) {
    for await (const read of readAhead(files, (file) => readFile(external_node_path_.resolve(cwd, file)))) {
        if ('error' in read)
            continue;
        const { file, text } = read;
        if (!mayHoldConfig(text))
            continue;
        const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const cr = readConfigCr(src);
        if (!cr)
            continue;
        const lc = lineCounterOf(src);
        const findings = cr.problems.map((p) => {
            const { line, col } = lc.linePos(p.offset);
            return (0,finding/* finding */.g)('template-error', { file, line, column: col }, p.message);
        });
        return { groups: cr.groups, findings };
    }
    return { groups: [], findings: [] };
}
function excludeChartDirs(walked, packaged) {
    if (packaged.length === 0)
        return walked;
    const under = (file) => packaged.some((p) => p.dir === '.' || file.startsWith(`${p.dir}/`));
    return {
        ...walked,
        files: walked.files.filter((f) => !under(f)),
        archives: walked.archives.filter((f) => !under(f)),
    };
}
function allWarnings(c) {
    return [...c.warnings, ...c.subcharts.flatMap(allWarnings)];
}

;// CONCATENATED MODULE: ./.build/scan/helm/rendered-locate.js
// Two look-ups that tie a rendered document back to its chart: the object path of the scalar at a
// line and column (to compare the plain and the marked render there), and the chart's template
// files by the name Helm prints in `# Source:` lines. Pure.

/** The object path of the scalar value that holds `pos` in a rendered document's text, or null. */
function scalarPathAt(text, pos) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < pos.line - 1 && i < lines.length; i++)
        offset += (lines[i]?.length ?? 0) + 1;
    offset += pos.column - 1;
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    let found = null;
    const walk = (n, path) => {
        if (found !== null)
            return;
        if ((0,yaml_dist/* isScalar */.jn)(n)) {
            const r = n.range;
            if (r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1))
                found = path;
            return;
        }
        if ((0,yaml_dist/* isMap */.jh)(n)) {
            for (const pair of n.items) {
                if (!(0,yaml_dist/* isPair */.tO)(pair) || !(0,yaml_dist/* isScalar */.jn)(pair.key))
                    continue;
                walk(pair.value, [...path, String(pair.key.value)]);
            }
            return;
        }
        if ((0,yaml_dist/* isSeq */.oP)(n)) {
            n.items.forEach((item, i) => {
                walk(item, [...path, i]);
            });
        }
    };
    walk(doc.contents, []);
    return found;
}
/** Template files of a chart and its subcharts by Helm's name for them: `<chart>/templates/x.yaml`,
 *  `<chart>/charts/<alias or name>/templates/y.yaml`. */
function templateFiles(chart) {
    const out = new Map();
    const walk = (c, prefix) => {
        const base = `${c.displayPath}!${c.dir}/`;
        for (const t of c.templates) {
            if (t.file.startsWith(base))
                out.set(`${prefix}/${t.file.slice(base.length)}`, t);
        }
        for (const sub of c.subcharts) {
            const deps = c.dependencies.filter((d) => d.name === sub.name);
            const keys = deps.length === 0 ? [sub.name] : deps.map((d) => d.alias ?? d.name);
            for (const k of keys)
                walk(sub, `${prefix}/charts/${k}`);
        }
    };
    walk(chart, chart.name);
    return out;
}

;// CONCATENATED MODULE: ./.build/scan/helm/rendered.js
// The images of a chart as Helm rendered it: the rendered objects are scanned with the same PodSpec
// and operator rules as plain manifests, and each image is placed at the value that produced it
// (a marked second render says which, src/helm/trace.ts): the HelmChart CR's line when the CR sets
// it, else the chart's values.yaml line, else the template line of a literal. An image whose value
// cannot be traced is placed at the CR's `chart:` line with a notice saying why. Pure.







const CHART_CONTEXTS = new Set(['container', 'initContainer', 'ephemeralContainer', 'operator']);
/** The chart's image uses, each at the value (or template literal) that produced it. */
function renderedChartUses(input) {
    const { index, chart, archive, trace } = input;
    const chartPos = chart.chartPos ?? chart.pos;
    const templates = templateFiles(archive);
    const valueTrees = new Map();
    const uses = [];
    const findings = [];
    const seen = new Set();
    const push = (use) => {
        use.rendered = true;
        const key = `${use.context}\0${use.raw}\0${use.pos.file}:${use.pos.line}:${use.pos.column}`;
        if (seen.has(key))
            return;
        seen.add(key);
        uses.push(use);
    };
    const untraced = (u, source, reason) => {
        push({
            ...u,
            pos: chartPos,
            context: u.context === 'operator' ? 'operator' : 'helm-value',
            helmChart: index,
        });
        const message = `"${u.raw}" rendered by ${source} is reported at the chart: its value could not be traced (${reason})`;
        if (!findings.some((f) => f.message === message))
            findings.push((0,finding/* finding */.g)('helm-image-untraced', chartPos, message));
    };
    const valuePos = (c) => {
        if (c.origin === 'cr')
            return crValuePos(input.layers, c.path) ?? `the CR sets no ${c.pathText}`;
        const layer = input.valueLayers.find((l) => l.origin === c.origin && startsWith(c.path, l.at));
        const tree = layer === undefined ? null : valuesTree(archive, c.origin, valueTrees);
        const node = layer && tree ? lookupPath(tree, c.path.slice(layer.at.length)) : undefined;
        return node?.pos ?? `${c.pathText} is not written in ${c.origin}`;
    };
    input.manifests.forEach((m, i) => {
        const file = `${archive.displayPath}!${m.source}`;
        const scanned = input.scan(file, m.text);
        // A v1 chart's objects go through KOTS's midstream kustomize patches like any manifest
        // (pkg/midstream/write.go), which collapse nameless containers; v2 charts are Helm's alone. The
        // rendered document has no line of the chart's own, so the finding points at the CR's chart.
        if (chart.apiVersion === KOTS_API_V1) {
            for (const f of scanned.findings ?? []) {
                if (f.rule !== 'container-without-name')
                    continue;
                const message = `${f.message} (rendered from ${m.source})`;
                if (!findings.some((x) => x.message === message)) {
                    findings.push((0,finding/* finding */.g)('container-without-name', chartPos, message));
                }
            }
        }
        for (const u of scanned.uses) {
            if (!CHART_CONTEXTS.has(u.context) || u.helmChart !== undefined)
                continue;
            const path = scalarPathAt(m.text, u.pos);
            const plain = path === null ? undefined : trace_valueAt(m.object, path);
            if (path === null || typeof plain !== 'string') {
                untraced(u, m.source, 'no string at that place in the render');
                continue;
            }
            const start = Math.max(0, plain.indexOf(u.raw));
            const context = u.context === 'operator' ? 'operator' : undefined;
            if (trace.status === 'untraced') {
                untraced(u, m.source, trace.reason);
                continue;
            }
            const marked = trace_valueAt(trace.marked[i]?.object, path);
            if (typeof marked !== 'string') {
                untraced(u, m.source, 'the marked render has no string there');
                continue;
            }
            const t = traceString(plain, marked, trace.leaves, trace.prefix);
            if (t.status === 'untraced') {
                untraced(u, m.source, t.reason);
                continue;
            }
            const ranges = nameRanges(u.raw, start);
            const inName = t.contributions.filter((c) => touches(c, ranges.name));
            const producer = inName.find((c) => touches(c, ranges.last)) ?? inName[0];
            if (producer === undefined) {
                // The image's name is written in the template itself.
                const tpl = templates.get(m.source);
                const pos = tpl === undefined
                    ? undefined
                    : literalPos(tpl, u.raw, u.raw.slice(ranges.name[0] - start, ranges.name[1] - start));
                if (pos === undefined) {
                    untraced(u, m.source, `its name is not a value and not written in ${m.source}`);
                    continue;
                }
                push({ ...u, pos, context: context ?? 'helm-template', helmChart: index });
                continue;
            }
            const pos = valuePos(producer);
            if (typeof pos === 'string') {
                untraced(u, m.source, pos);
                continue;
            }
            const use = { ...u, pos, context: context ?? 'helm-value', helmChart: index };
            const slot = context === undefined ? valueSlot(t.contributions, ranges, start, u.raw.length) : undefined;
            if (slot)
                use.helmValue = slot;
            push(use);
        }
    });
    return { uses, findings };
}
/** The CR's position of a value path: the last optionalValues entry that can apply and sets it, else
 *  `values`. An entry whose `when` is a KOTS template counts as applying (only KOTS evaluates it). */
function crValuePos(layers, path) {
    const candidates = [
        ...layers.optional
            .filter((o) => o.when !== undefined && (hasTemplate(o.when) || parseGoBool(o.when) === true))
            .map((o) => o.values)
            .reverse(),
        layers.values,
    ];
    for (const v of candidates) {
        const node = lookupPath(v, path);
        if (node !== undefined)
            return node.pos;
    }
    return undefined;
}
function valuesTree(archive, origin, cache) {
    if (!cache.has(origin)) {
        const file = findValuesFile(archive, origin);
        cache.set(origin, file === undefined ? null : values_tree_valuesFromText(file.text, file.file).values);
    }
    return cache.get(origin) ?? null;
}
function findValuesFile(c, origin) {
    if (c.values?.file === origin)
        return c.values;
    for (const s of c.subcharts) {
        const f = findValuesFile(s, origin);
        if (f)
            return f;
    }
    return undefined;
}
function nameRanges(image, start) {
    const parts = imageParts(image);
    const [r0, r1] = parts.repository ?? [0, image.length];
    const slash = image.lastIndexOf('/', r1 - 1);
    const last0 = slash >= r0 ? slash + 1 : r0;
    const reg = parts.registry;
    return {
        name: [start + (reg?.[0] ?? r0), start + r1],
        last: [start + last0, start + r1],
        registry: reg === null ? null : [start + reg[0], start + reg[1]],
        repository: [start + r0, start + r1],
    };
}
/** A contribution inside a range; a transformed value (zero width) counts where it was printed. */
function touches(c, [a, b]) {
    return c.end > c.start ? c.start < b && a < c.end : c.start >= a && c.start < b;
}
/** Where a values override can reach the image: one value holding the whole reference, or a
 *  `repository`/`name` key with the registry in another value. Nothing else is guessed. */
function valueSlot(cs, r, start, length) {
    const exact = (c, [a, b]) => c.verbatim && c.start === a && c.end === b;
    const strings = (p) => p.map(String);
    const inList = (p) => p.some((s) => typeof s === 'number');
    const whole = cs.find((c) => exact(c, [start, start + length]));
    if (whole)
        return { path: strings(whole.path), repoKey: 'image', ...(inList(whole.path) ? { inList: true } : {}) };
    // One value writes registry and repository (`repository: quay.io/prometheus/prometheus`).
    const name = cs.find((c) => exact(c, r.name));
    const nameKey = name?.path[name.path.length - 1];
    if (name && (nameKey === 'repository' || nameKey === 'name')) {
        return {
            path: strings(name.path.slice(0, -1)),
            repoKey: nameKey,
            ...(inList(name.path) ? { inList: true } : {}),
        };
    }
    const repo = cs.find((c) => exact(c, r.repository));
    const key = repo?.path[repo.path.length - 1];
    if (!repo || (key !== 'repository' && key !== 'name'))
        return prefixSlot(cs, r, start);
    const registry = r.registry === null ? undefined : cs.find((c) => exact(c, r.registry));
    if (r.registry !== null && registry === undefined)
        return undefined;
    const listed = inList(repo.path) || (registry !== undefined && inList(registry.path));
    return {
        path: strings(repo.path.slice(0, -1)),
        repoKey: key,
        ...(registry ? { registryPath: strings(registry.path) } : {}),
        ...(listed ? { inList: true } : {}),
    };
}
/** A value that writes the start of the name up to a `/` (a hub or a registry with a path), with the
 *  rest of the name written after it: replacing that value moves every image built on it. */
function prefixSlot(cs, r, start) {
    // Only right before the last component: a local registry keeps just that component
    // (pkg/imageutil/image.go), so `<host>/<namespace>` + `/<last>` names the image as KOTS does.
    const lead = cs.find((c) => c.verbatim && c.start === r.name[0] && c.end === r.last[0] - 1);
    if (lead === undefined)
        return undefined;
    const strings = lead.path.map(String);
    return {
        path: strings,
        repoKey: 'image',
        prefixLength: lead.end - start,
        ...(lead.path.some((s) => typeof s === 'number') ? { inList: true } : {}),
    };
}
/** The line of a literal image in its template: the whole reference, else its name. */
function literalPos(tpl, image, name) {
    for (const needle of [image, name]) {
        if (needle === '')
            continue;
        const at = tpl.text.indexOf(needle);
        if (at < 0)
            continue;
        const before = tpl.text.slice(0, at);
        const line = before.split('\n').length;
        return { file: tpl.file, line, column: at - before.lastIndexOf('\n') };
    }
    return undefined;
}
function startsWith(path, prefix) {
    return prefix.length <= path.length && prefix.every((s, i) => String(path[i]) === String(s));
}

;// CONCATENATED MODULE: ./.build/scan/helm/cluster-scoped.js
// Which rendered objects a chart's namespace never reaches. KOTS sets a HelmChart's `spec.namespace`
// with kustomize's namespace transformer (replicatedhq/kots pkg/base/helm.go kustomizeHelmNamespace:
// a kustomization with `namespace:`), which leaves cluster-scoped kinds alone. Kustomize knows them
// from its built-in Kubernetes schema (sigs.k8s.io/kustomize/kyaml/openapi, the
// precomputedIsNamespaceScoped table) and treats every kind it does not know, custom resources
// included, as namespaced. These are the built-in cluster-scoped kinds by apiVersion. Pure data.
const CLUSTER_SCOPED = {
    'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'admissionregistration.k8s.io/v1beta1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
    'apiextensions.k8s.io/v1beta1': ['CustomResourceDefinition'],
    'apiregistration.k8s.io/v1': ['APIService'],
    'apiregistration.k8s.io/v1beta1': ['APIService'],
    'certificates.k8s.io/v1': ['CertificateSigningRequest'],
    'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
    'flowcontrol.apiserver.k8s.io/v1beta1': ['FlowSchema', 'PriorityLevelConfiguration'],
    'networking.k8s.io/v1': ['IngressClass'],
    'networking.k8s.io/v1beta1': ['IngressClass'],
    'node.k8s.io/v1': ['RuntimeClass'],
    'node.k8s.io/v1beta1': ['RuntimeClass'],
    'policy/v1beta1': ['PodSecurityPolicy'],
    'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding'],
    'rbac.authorization.k8s.io/v1beta1': ['ClusterRole', 'ClusterRoleBinding'],
    'scheduling.k8s.io/v1': ['PriorityClass'],
    'scheduling.k8s.io/v1beta1': ['PriorityClass'],
    'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    'storage.k8s.io/v1beta1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    v1: ['ComponentStatus', 'Namespace', 'Node', 'PersistentVolume'],
};
/** True when kustomize's namespace transformer leaves an object of this apiVersion and kind alone. */
function isClusterScoped(apiVersion, kind) {
    if (typeof apiVersion !== 'string' || typeof kind !== 'string')
        return false;
    return CLUSTER_SCOPED[apiVersion]?.includes(kind) ?? false;
}

;// CONCATENATED MODULE: ./.build/scan/helm/rendered-files.js
// The objects Helm rendered for a v1 chart, as files of the preview: KOTS writes them into the base
// (pkg/base/helm_v4.go renderHelmV4, split per `# Source:` template) and its midstream rewrites their
// images and patches their pull secrets like any other manifest. The chart's documents become
// together one file, OUT/chart-<release>.rendered.yaml (each document keeps Helm's `# Source:`
// line), scanned like a release file so the overlay plans it the same way. Pure.





/** pkg/base/helm_helpers.go: the namespace KOTS renders a chart with when the CR names none. */
const NAMESPACE_PLACEHOLDER = 'repl{{ Namespace}}';
function renderedChartFiles(input) {
    // One flat file per chart: every generated file lies directly in the output directory.
    const file = external_node_path_.posix.join(input.outDir, `chart-${safeName(input.releaseName)}.rendered.yaml`);
    const text = input.manifests
        .map((m) => withNamespace(m.text, input.chart.namespace))
        .map((d) => `---\n${d.endsWith('\n') ? d : `${d}\n`}`)
        .join('');
    const r = input.scan(file, text);
    const subBase = (docIndex) => {
        const source = input.manifests[docIndex]?.source;
        return input.chart.useHelmInstall && source !== undefined ? helmSubBase(source) : undefined;
    };
    return {
        files: r.files.map((f) => ({ ...f, rendered: { text, chart: input.chart.name } })),
        workloads: r.workloads.map((w) => {
            const base = subBase(w.docIndex);
            return { ...w, helmChart: input.index, ...(base !== undefined ? { helmBase: base } : {}) };
        }),
        subBases: [
            ...new Set(input.manifests.map((_m, i) => subBase(i)).filter((b) => b !== undefined)),
        ],
    };
}
/** The namespace KOTS gives a rendered object: the placeholder renders to the app namespace (the
 *  preview leaves the object without one, as a plain manifest); with the CR's `namespace`, objects
 *  that name none get it, except CRDs and Namespaces (pkg/base/helm.go kustomizeHelmNamespace) and
 *  the other cluster-scoped kinds, which kustomize's namespace transformer that KOTS runs there skips. */
function withNamespace(text, crNamespace) {
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    if (doc.errors.length > 0)
        return text;
    const ns = doc.getIn(['metadata', 'namespace']);
    if (ns === NAMESPACE_PLACEHOLDER) {
        doc.deleteIn(['metadata', 'namespace']);
        return doc.toString();
    }
    const kind = doc.get('kind');
    const literal = crNamespace !== undefined && crNamespace !== '' && !hasTemplate(crNamespace);
    const scoped = kind !== 'CustomResourceDefinition' &&
        kind !== 'Namespace' &&
        !isClusterScoped(doc.get('apiVersion'), kind);
    if (ns === undefined && literal && scoped) {
        if (doc.getIn(['metadata']) === undefined)
            return text;
        doc.setIn(['metadata', 'namespace'], crNamespace);
        return doc.toString();
    }
    return text;
}
function safeName(s) {
    return s.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_') || '_';
}

;// CONCATENATED MODULE: ./.build/scan/rendered-charts.js
// HelmChart CRs rendered by Helm instead of approximated: what to render each chart with (the values,
// release name and namespace KOTS passes), and the scan once the renders are back, where every chart
// that rendered has its images from the render and every chart that did not keeps the approximation
// with a finding saying why. Pure: the pipeline runs helm (src/helm/charts.ts) in between.












const rendered_charts_identity = (s) => s;
/** The release name KOTS renders with: v1 `spec.chart.releaseName`, else the CR's `metadata.name`
 *  (HelmChart v1beta1 GetDirName); v2 `spec.releaseName`, else `spec.chart.name` (GetReleaseName). */
function kotsReleaseName(chart) {
    if (chart.releaseName !== undefined && chart.releaseName !== '')
        return chart.releaseName;
    return chart.apiVersion === KOTS_API_V2 ? chart.chartName : chart.name;
}
/** The job for each joined chart, or the finding where KOTS fails before rendering (a `when` that
 *  is not a boolean). `renderString` renders the CR's KOTS templates (identity until the template
 *  evaluator is wired); an optionalValues `when` that holds a template counts as true here, since
 *  only KOTS can evaluate it, so the chart's images under that entry are still found. */
function chartRenderJobs(scan, joined, cwd, renderString = rendered_charts_identity) {
    return joined.flatMap((j) => {
        const info = scan.helmCharts[j.index];
        // `spec.exclude: true`: KOTS neither renders nor installs the chart.
        if (info === undefined || literalExclude(info.exclude) === true)
            return [];
        const spec = {
            values: plainValues(j.layers.values),
            optionalValues: j.layers.optional.map((o) => ({
                when: o.when !== undefined && hasTemplate(o.when) ? 'true' : o.when,
                recursiveMerge: o.recursiveMerge,
                values: plainValues(o.values),
            })),
        };
        try {
            const values = kotsChartValues(spec, renderString);
            const job = {
                chart: external_node_path_.resolve(cwd, j.archive.displayPath),
                display: j.archive.displayPath,
                releaseName: kotsReleaseName(info),
                ...(info.namespace !== undefined && info.namespace !== '' ? { namespace: info.namespace } : {}),
                values,
                defaults: chartValueLayers(j.archive).layers,
            };
            // A templated release name or namespace (`repl{{ ConfigOption … }}`) is only known to KOTS too.
            const templated = holdsTemplate(values) || holdsTemplate(job.releaseName) || holdsTemplate(job.namespace);
            return [{ chart: j, job, templated }];
        }
        catch (e) {
            if (!(e instanceof ChartValuesError))
                throw e;
            const message = `HelmChart "${info.name}": ${e.message}; KOTS fails the chart there`;
            return [{ chart: j, finding: (0,finding/* finding */.g)('helm-chart-render-failed', chartPos(info), message) }];
        }
    });
}
/** The scan with each rendered chart's images taken from its render. */
function applyChartRenders(scan, renders, outDir) {
    const replaced = new Set();
    const uses = [];
    const findings = [];
    const files = [...scan.files];
    const workloads = [...scan.workloads];
    const subBases = new Map();
    for (const { chart: j, render } of renders) {
        const info = scan.helmCharts[j.index];
        if (info === undefined)
            continue;
        if (render.status === 'failed') {
            findings.push(failureFinding(info, render));
            continue;
        }
        replaced.add(j.index);
        const r = renderedChartUses({
            index: j.index,
            chart: info,
            archive: j.archive,
            layers: j.layers,
            valueLayers: chartValueLayers(j.archive).layers,
            manifests: render.manifests,
            trace: render.trace,
            scan: scanText,
        });
        uses.push(...r.uses);
        findings.push(...r.findings);
        if (info.apiVersion === KOTS_API_V1) {
            // KOTS deploys a v1 chart's objects through its kustomize base: they join the preview.
            const rendered = renderedChartFiles({
                chart: info,
                index: j.index,
                releaseName: kotsReleaseName(info),
                outDir,
                manifests: render.manifests,
                scan: scanText,
            });
            files.push(...rendered.files);
            workloads.push(...rendered.workloads);
            if (rendered.subBases.length > 0)
                subBases.set(j.index, rendered.subBases);
        }
    }
    const kept = scan.uses.filter((u) => !(u.helmChart !== undefined &&
        replaced.has(u.helmChart) &&
        (u.context === 'helm-value' || u.context === 'helm-template')));
    const helmCharts = scan.helmCharts.map((c, i) => {
        const subs = subBases.get(i);
        return subs ? { ...c, subBases: subs } : c;
    });
    return {
        ...scan,
        helmCharts,
        files,
        workloads,
        uses: [...kept, ...uses],
        findings: [...scan.findings, ...findings],
    };
}
/** The one notice when no helm renders the joined charts: they keep the approximation. */
function helmNotFoundNotice(scan, joined, why) {
    const charts = joined.flatMap((j) => {
        const c = scan.helmCharts[j.index];
        return c === undefined ? [] : [c];
    });
    const first = charts[0];
    if (first === undefined)
        return null;
    const names = charts.map((c) => `"${c.name}" (${c.file})`).join(', ');
    return (0,finding/* finding */.g)('helm-not-found', chartPos(first), `${why}: the images of ${names} are approximated from values.yaml and template literals; install Helm 3 or 4, or pass --helm PATH (action input helm), to render them as KOTS does`);
}
function failureFinding(info, { error, templated }) {
    // Helm's error spans lines (template, position, cause); its hint about --debug is no use here.
    const first = error.message
        .split('\n')
        .filter((l) => !l.startsWith('Use --debug flag'))
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join(' ');
    if ((0,errors/* isHelmError */.h)(error, 'missing-dependency')) {
        return (0,finding/* finding */.g)('helm-chart-missing-dependency', chartPos(info), `HelmChart "${info.name}": ${first}; KOTS's dependency check fails the install (its images are approximated)`);
    }
    if (templated && (0,errors/* isHelmError */.h)(error, 'render-failed')) {
        return (0,finding/* finding */.g)('helm-chart-render-templated', chartPos(info), `HelmChart "${info.name}": ${first}; the CR's values still hold KOTS templates that only KOTS renders, so its images are approximated`);
    }
    return (0,finding/* finding */.g)('helm-chart-render-failed', chartPos(info), `HelmChart "${info.name}": ${first}; KOTS fails the install there (its images are approximated)`);
}
function holdsTemplate(v) {
    if (typeof v === 'string')
        return hasTemplate(v);
    if (Array.isArray(v))
        return v.some(holdsTemplate);
    if (typeof v === 'object' && v !== null)
        return Object.values(v).some(holdsTemplate);
    return false;
}
function chartPos(info) {
    return info.chartPos ?? info.pos;
}

;// CONCATENATED MODULE: ./.build/verify-helm-values.js
// The second (verification) render of each HelmChart v2 that has a generated values file: the file's
// KOTS templates are rendered as a first online install renders them (HasLocalRegistry false,
// ImagePullSecretName `<slug>-registry`), its `values` are merged over the CR's values the way KOTS
// merges values (kotskinds MergeHelmChartValues), and Helm renders the chart again. A private image
// that still does not go through the proxy is a helm-v2-values-incomplete finding, so the file is
// proven rather than assumed. Images written in the templates already have their own finding.








async function verifyHelmValues(plan, files, scan, jobs, helm, appSlug) {
    const perChart = plan.helmValues.map(() => []);
    const { proxyDomain } = plan.effective;
    const proxied = `${proxyDomain}/proxy/${appSlug}/`;
    const status = new Map(plan.images.map((i) => [i.image, i.status]));
    // Each render starts its own helm process: as many at once as renderChartsTraced allows.
    await (0,util/* runPool */.kD)(plan.helmValues, DEFAULT_CHART_CONCURRENCY, async (v, i) => {
        const out = perChart[i];
        const index = scan.helmCharts.indexOf(v.chart);
        const job = jobs.get(index);
        const file = files.find((f) => f.path.endsWith(`/${v.fileName}`) || f.path === v.fileName);
        if (!job || !file)
            return;
        const literal = new Set(scan.uses.filter((u) => u.helmChart === index && u.context === 'helm-template').map((u) => u.raw));
        let images;
        try {
            const text = renderKots(file.content, { namespace: job.namespace ?? 'default', appSlug }).output;
            const parsed = (0,yaml_dist/* parse */.qg)(text);
            const generated = isMap(parsed?.values) ? parsed.values : {};
            const rendered = await renderChart({
                chart: job.chart,
                display: job.display,
                releaseName: job.releaseName,
                ...(job.namespace !== undefined ? { namespace: job.namespace } : {}),
                values: mergeHelmChartValues(job.values, generated),
                helm,
            });
            images = rendered.manifests.flatMap((m) => containerImages(m.object));
        }
        catch (e) {
            out.push((0,finding/* finding */.g)('helm-v2-values-incomplete', v.chart.pos, `HelmChart v2 "${v.chart.name}" did not render with ${v.fileName} merged in (${(0,util/* firstLine */.TM)((0,util/* errorMessage */.gJ)(e))}): check the generated values`));
            return;
        }
        const left = [...new Set(images)].filter((image) => {
            if (image.startsWith(proxied) || literal.has(image) || plan.effective.excluded.has(image))
                return false;
            const s = status.get(image);
            if (s === 'public' || s === 'dynamic')
                return false;
            return (0,reference/* parseReference */.F2)(image).ok;
        });
        for (const image of left.sort()) {
            out.push((0,finding/* finding */.g)('helm-v2-values-incomplete', v.chart.pos, `HelmChart v2 "${v.chart.name}" rendered with ${v.fileName} merged in still runs "${image}" outside ${proxied}…: the value it comes from is not one the file sets; set it by hand`));
        }
    });
    return perChart.flat();
}
/** The `image` of every container, init container and ephemeral container in a rendered object. */
function containerImages(object) {
    const out = [];
    const walk = (v) => {
        if (Array.isArray(v))
            v.forEach(walk);
        else if (isMap(v)) {
            for (const [k, x] of Object.entries(v)) {
                if ((k === 'containers' || k === 'initContainers' || k === 'ephemeralContainers') &&
                    Array.isArray(x)) {
                    for (const c of x)
                        if (isMap(c) && typeof c.image === 'string')
                            out.push(c.image);
                }
                else
                    walk(x);
            }
        }
    };
    walk(object);
    return out;
}

;// CONCATENATED MODULE: ./.build/pipeline.js
// The one pipeline both entries run: walk → scan → check → plan → render. Only `checker` (registry I/O)
// and the file reads of the scan touch the outside world; writing outputs is the caller's choice.

















async function runPipeline(paths, options, deps) {
    const hasCredentials = deps.hasCredentials ?? (() => false);
    // Release paths come from the pull request: those resolving outside options.root are never read.
    const confined = await (0,inside/* confinePaths */.x)(paths, deps.cwd, options.root);
    // `.replicated` charts: directories inside the root, packaged in memory; one outside is never read.
    const packaged = await packageChartDirs(options.charts ?? [], deps.cwd, options.root);
    const scanned = await scanReleaseCharts(confined.inside, deps.cwd, {
        appSlug: options.appSlug,
        packaged: packaged.charts,
    });
    confined.findings.push(...packaged.findings);
    if (scanned.scan.files.length === 0 && confined.findings.length === 0 && packaged.charts.length === 0) {
        // An empty or mistyped path must not pass as a release with nothing to fix. A path refused for
        // lying outside the root is not that case: its path-skipped finding goes into the report.
        throw new model/* UsageError */.e(`no manifest (.yaml, .yml or chart .tgz) found in ${paths.join(', ')}; pass the release directory (the default is manifests)`);
    }
    scanned.scan.findings.unshift(...confined.findings);
    // The KOTS template evaluator with the release's Config defaults, for kots.io/exclude, kots.io/when
    // and the HelmChart CR values Helm receives.
    const render = deps.render ?? annotationRenderer(scanned.scan.config ?? [], options.appSlug);
    const helmRun = deps.findHelm
        ? await renderCharts(scanned.scan, scanned.charts, options, { ...deps, render }, deps.findHelm, packaged.charts)
        : undefined;
    const scan = helmRun?.scan ?? scanned.scan;
    deps.logger.debug(`scanned $scan.files.lengthfile(s), $scan.uses.lengthimage reference(s)`);
    let verdicts = new Map();
    if (!options.offline && deps.checker) {
        const eff = effectiveSettings(options, scan.application);
        const targets = checkTargets(groupUses(scan.uses), eff, options, hasCredentials);
        deps.logger.debug(`checking $targets.lengthimage(s) against their registries`);
        verdicts = await deps.checker.check(targets);
    }
    const plan = buildPlan({
        scan,
        verdicts,
        options,
        hasCredentials,
        render,
    });
    const copies = [];
    for (const copy of plan.overlay.copies) {
        const text = copy.rendered?.text ?? (await (0,promises_.readFile)(external_node_path_.resolve(deps.cwd, copy.source), 'utf8'));
        copies.push({ path: copy.path, content: renderFilteredCopy(copy, text) });
    }
    const pullSecret = plan.needsPullSecret ? renderPullSecret(plan, options.outDir) : undefined;
    const files = [
        ...renderOverlay(plan, options.outDir, pullSecret?.path),
        ...(pullSecret ? [pullSecret] : []),
        ...copies,
        ...renderHelmValues(plan, options.outDir),
    ];
    if (helmRun?.helm && plan.helmValues.length > 0) {
        const verified = await verifyHelmValues(plan, files, scan, helmRun.jobs, helmRun.helm, options.appSlug);
        plan.findings = sortFindings([...plan.findings, ...verified]);
    }
    const report = {
        version: 1,
        appSlug: options.appSlug,
        proxyDomain: plan.effective.proxyDomain,
        images: plan.images,
        findings: plan.findings,
        generated: files.map((f) => f.path),
    };
    // Positions inside a packaged chart directory name its real files, not the in-memory archive.
    const toDir = chartDirMapper(packaged.charts);
    return { report: packaged.charts.length ? mapPositions(report, toDir) : report, files, scan };
}
/** Renders each joined chart with Helm and takes its images from the render; with no usable helm,
 *  one notice and the approximation. An explicit `--helm` that does not run is a usage error. */
async function renderCharts(scan, charts, options, deps, findHelm, packaged) {
    const jobsByChart = new Map();
    if (charts.length === 0)
        return { scan, jobs: jobsByChart };
    let helm;
    let why = 'no helm binary on PATH';
    try {
        helm = await findHelm(options.helmPath);
    }
    catch (e) {
        if (options.helmPath !== undefined && options.helmPath !== '') {
            throw new model/* UsageError */.e(e instanceof Error ? e.message : String(e));
        }
        if (!(0,errors/* isHelmError */.h)(e))
            throw e;
        helm = null;
        why = e.message;
    }
    if (helm === null) {
        const notice = helmNotFoundNotice(scan, charts, why);
        return {
            scan: notice === null ? scan : { ...scan, findings: [...scan.findings, notice] },
            jobs: jobsByChart,
        };
    }
    // The KOTS template evaluator, when one is given; a template it cannot decide stays as written.
    const render = deps.render;
    const renderString = render
        ? (text) => {
            const r = render(text);
            return r.dynamic ? text : r.value;
        }
        : undefined;
    const planned = chartRenderJobs(scan, charts, deps.cwd, renderString);
    const jobs = planned.flatMap((p) => ('job' in p ? [p] : []));
    deps.logger.debug(`rendering ${jobs.length} chart(s) with Helm ${helm.version}`);
    // A packaged chart directory is rendered from its archive, so Helm sees the version overrides.
    const staged = await stageChartArchives(packaged.filter((c) => charts.some((j) => j.archive.displayPath === c.dir)));
    let results;
    try {
        results = await renderChartsTraced(jobs.map((p) => {
            const archive = staged.paths.get(p.chart.archive.displayPath);
            return archive === undefined ? p.job : { ...p.job, chart: archive };
        }), helm);
    }
    finally {
        await staged.dispose();
    }
    const renders = jobs.map((p, i) => {
        const r = results[i];
        if (r === undefined || r instanceof Error) {
            const error = r ?? new Error('not rendered');
            return {
                chart: p.chart,
                render: {
                    status: 'failed',
                    error,
                    templated: p.templated,
                },
            };
        }
        // The verification render reuses the job; a packaged chart's staged archive is gone by then, so
        // only charts the release ships as archives are verified.
        if (!staged.paths.has(p.chart.archive.displayPath))
            jobsByChart.set(p.chart.index, p.job);
        return {
            chart: p.chart,
            render: { status: 'rendered', manifests: r.manifests, trace: r.trace },
        };
    });
    const out = applyChartRenders(scan, renders, options.outDir);
    const failedBefore = planned.flatMap((p) => ('finding' in p ? [p.finding] : []));
    return { scan: { ...out, findings: [...out.findings, ...failedBefore] }, helm, jobs: jobsByChart };
}


/***/ })

};
