// DESIGN.md's rule for links in a git history: a commit builds on the last earlier commit by
// another author that touched the same file; one link per distinct target. Per file it keeps the
// last commit and the last commit by someone other than that commit's author: whoever the next
// author is, one of the two is the newest earlier commit not by them. Memory grows with the
// number of files and authors, never with the number of commits.

export interface CommitRef {
  hash: string;
  /** interned author (an index, not the email) */
  author: number;
  timeMs: number;
}

interface FileState {
  last: CommitRef;
  /** newest commit whose author differs from last.author, if any */
  lastOther: CommitRef | null;
}

export interface BuildsOn {
  targets: CommitRef[];
  /** targets dropped because they were authored after this commit (rebased or reordered history) */
  dropped: number;
}

export class FileHistory {
  private readonly files = new Map<string, FileState>();

  /** What `commit` builds on, then records it as the newest commit of each of its files. */
  visit(commit: CommitRef, files: string[]): BuildsOn {
    const targets = new Map<string, CommitRef>();
    const dropped = new Set<string>();
    for (const f of files) {
      const s = this.files.get(f);
      const target = !s ? null : s.last.author !== commit.author ? s.last : s.lastOther;
      if (target && !targets.has(target.hash)) {
        // A link may not point forward in time (the graph's DAG rule); equal times are fine since
        // the target was stored first and ties are broken by id.
        if (target.timeMs > commit.timeMs) dropped.add(target.hash);
        else targets.set(target.hash, target);
      }
      if (!s) this.files.set(f, { last: commit, lastOther: null });
      else if (s.last.author === commit.author) s.last = commit;
      else {
        s.lastOther = s.last;
        s.last = commit;
      }
    }
    return { targets: [...targets.values()], dropped: dropped.size };
  }
}
