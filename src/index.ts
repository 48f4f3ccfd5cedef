// Action entry (dist/index.js). Nothing else belongs here: run() owns error handling.
import { run } from './action/main.js';

await run();
