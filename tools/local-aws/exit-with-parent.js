// Preloaded (node -r) into each emulator the CLI starts, so that the emulator dies with the CLI however the CLI ends,
// kill -9 included: the CLI holds the write end of the emulator's stdin, which the kernel closes when the CLI dies
// (end of input here); and, should stdin not be a pipe from the CLI, the emulator is re-parented (its ppid changes).
'use strict';

const parent = process.ppid;
const exit = () => process.exit(0);

if (process.env.REWARD_ANALYTICS_EXIT_WITH_PARENT_STDIN === '1') {
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  process.stdin.on('error', exit);
  process.stdin.resume();
}

setInterval(() => {
  if (process.ppid !== parent) {
    exit();
  }
}, 250).unref();
