// Runs tasks 0..<tasks on up to `threads` threads (the caller's among them) and returns when
// all are done. Tasks must not depend on which thread runs them, nor on their order.
#ifndef FOLIO_POOL_H
#define FOLIO_POOL_H

typedef void (*FolioTask)(void *ctx, long task);
void folio_parallel(long tasks, int threads, FolioTask fn, void *ctx);

#endif
