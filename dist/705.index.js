export const id = 705;
export const ids = [705];
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


/***/ })

};
