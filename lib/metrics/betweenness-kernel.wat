;; One source of Brandes' betweenness (betweenness.ts: brandesJs) as a WebAssembly kernel.
;; Build: npm run build:wasm (writes betweenness-kernel-wasm.ts; a unit test checks they agree).
;;
;; The same algorithm step for step, so the two give the same bits: Dijkstra with the same lazy
;; binary heap (equal distances leave it in the same order), predecessors recorded while relaxing,
;; then the dependency accumulation in reverse settle order. Why wasm: the search is heap moves and
;; random reads of per-node arrays; V8's optimised JS spends most of its time on bounds checks and
;; loop bookkeeping around them.
;;
;; Memory holds, at byte offsets set once per graph with `layout`: outStart, outTo (i32), outLen
;; (f64, 1/weight), and the per-node and per-edge scratch arrays. Node v's f64 entries are at
;; base + 8v, its i32 entries at base + 4v; a heap entry is 16 bytes (f64 key, i32 node at +8).
(module
  (import "env" "memory" (memory 1 65536))
  (global $outStart (mut i32) (i32.const 0))
  (global $outTo (mut i32) (i32.const 0))
  (global $outLen (mut i32) (i32.const 0))
  (global $bc (mut i32) (i32.const 0))
  (global $dist (mut i32) (i32.const 0))
  (global $sigma (mut i32) (i32.const 0))
  (global $delta (mut i32) (i32.const 0))
  (global $stack (mut i32) (i32.const 0))
  (global $heapD (mut i32) (i32.const 0))
  (global $predHead (mut i32) (i32.const 0))
  (global $predV (mut i32) (i32.const 0))
  (global $predNext (mut i32) (i32.const 0))

  (func (export "layout")
    (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (global.set $outStart (local.get 0)) (global.set $outTo (local.get 1)) (global.set $outLen (local.get 2))
    (global.set $bc (local.get 3)) (global.set $dist (local.get 4)) (global.set $sigma (local.get 5))
    (global.set $delta (local.get 6)) (global.set $stack (local.get 7)) (global.set $heapD (local.get 8))
    (global.set $predHead (local.get 9)) (global.set $predV (local.get 10)) (global.set $predNext (local.get 11)))

  ;; Adds source s's dependencies to bc and resets the scratch arrays it touched. Base offsets are
  ;; copied into locals and the heap moves written out in place: V8 does not inline wasm calls, and
  ;; a global read or a call per array access costs more than the access.
  (func (export "source") (param $s i32)
    (local $outStart i32) (local $outTo i32) (local $outLen i32) (local $bc i32) (local $dist i32)
    (local $sigma i32) (local $delta i32) (local $stack i32) (local $heapD i32)
    (local $predHead i32) (local $predV i32) (local $predNext i32)
    (local $nS i32) (local $hn i32) (local $np i32) (local $d f64) (local $v i32) (local $w i32)
    (local $e i32) (local $eEnd i32) (local $alt f64) (local $a i32) (local $r i32) (local $p i32)
    (local $coeff f64) (local $sigmaV f64) (local $i i32) (local $c i32) (local $last i32)
    (local $hd f64) (local $hv i32) (local $cd f64) (local $el i32)
    (local.set $outStart (global.get $outStart)) (local.set $outTo (global.get $outTo))
    (local.set $outLen (global.get $outLen)) (local.set $bc (global.get $bc)) (local.set $dist (global.get $dist))
    (local.set $sigma (global.get $sigma)) (local.set $delta (global.get $delta))
    (local.set $stack (global.get $stack)) (local.set $heapD (global.get $heapD))
    (local.set $predHead (global.get $predHead)) (local.set $predV (global.get $predV))
    (local.set $predNext (global.get $predNext))

    (f64.store (i32.add (local.get $dist) (i32.shl (local.get $s) (i32.const 3))) (f64.const 0))
    (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $s) (i32.const 3))) (f64.const 1))
    (f64.store (local.get $heapD) (f64.const 0))
    (i32.store offset=8 (local.get $heapD) (local.get $s))
    (local.set $hn (i32.const 1))
    (block $searched
      (loop $search
        (br_if $searched (i32.le_s (local.get $hn) (i32.const 0)))
        (local.set $d (f64.load (local.get $heapD)))
        (local.set $v (i32.load offset=8 (local.get $heapD)))
        ;; pop: the last entry fills the root's hole, sifting down (heapPop)
        (local.set $last (i32.sub (local.get $hn) (i32.const 1)))
        (local.set $hd (f64.load (i32.add (local.get $heapD) (i32.shl (local.get $last) (i32.const 4)))))
        (local.set $hv (i32.load offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $last) (i32.const 4)))))
        (local.set $i (i32.const 0))
        (block $sifted
          (loop $down
            (local.set $c (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1)))
            (br_if $sifted (i32.ge_s (local.get $c) (local.get $last)))
            (local.set $cd (f64.load (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))))
            (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $last))
              (then
                (if (f64.lt (f64.load offset=16 (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))) (local.get $cd))
                  (then
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (local.set $cd (f64.load (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))))))))
            (br_if $sifted (f64.ge (local.get $cd) (local.get $hd)))
            (f64.store (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $cd))
            (i32.store offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4)))
              (i32.load offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))))
            (local.set $i (local.get $c))
            (br $down)))
        (if (i32.gt_s (local.get $last) (i32.const 0))
          (then
            (f64.store (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $hd))
            (i32.store offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $hv))))
        (local.set $hn (local.get $last))
        ;; a settled node's dist is -inf, so one comparison skips settled and stale entries alike
        (local.set $a (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 3))))
        (br_if $search (f64.gt (local.get $d) (f64.load (local.get $a))))
        (f64.store (local.get $a) (f64.const -inf))
        (i32.store (i32.add (local.get $stack) (i32.shl (local.get $nS) (i32.const 2))) (local.get $v))
        (local.set $nS (i32.add (local.get $nS) (i32.const 1)))
        (local.set $sigmaV (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3)))))
        ;; e walks outTo as a byte pointer (4 per edge), el walks outLen (8 per edge)
        (local.set $a (i32.add (local.get $outStart) (i32.shl (local.get $v) (i32.const 2))))
        (local.set $e (i32.load (local.get $a)))
        (local.set $eEnd (i32.add (local.get $outTo) (i32.shl (i32.load offset=4 (local.get $a)) (i32.const 2))))
        (local.set $el (i32.add (local.get $outLen) (i32.shl (local.get $e) (i32.const 3))))
        (local.set $e (i32.add (local.get $outTo) (i32.shl (local.get $e) (i32.const 2))))
        (block $relaxed
          (loop $relax
            (br_if $relaxed (i32.ge_u (local.get $e) (local.get $eEnd)))
            (local.set $w (i32.load (local.get $e)))
            ;; settled targets (dist -inf) fail both tests below, as the JS loop's settled check skips them
                (local.set $alt (f64.add (local.get $d) (f64.load (local.get $el))))
                (local.set $a (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 3))))
                (if (f64.lt (local.get $alt) (f64.load (local.get $a)))
                  (then
                    (f64.store (local.get $a) (local.get $alt))
                    (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))) (local.get $sigmaV))
                    ;; push: sift the hole up from hn while the parent's key is greater (heapPush)
                    (local.set $i (local.get $hn))
                    (block $placed
                      (loop $up
                        (br_if $placed (i32.le_s (local.get $i) (i32.const 0)))
                        (local.set $c (i32.shr_s (i32.sub (local.get $i) (i32.const 1)) (i32.const 1)))
                        (local.set $cd (f64.load (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))))
                        (br_if $placed (f64.le (local.get $cd) (local.get $alt)))
                        (f64.store (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $cd))
                        (i32.store offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4)))
                          (i32.load offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $c) (i32.const 4)))))
                        (local.set $i (local.get $c))
                        (br $up)))
                    (f64.store (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $alt))
                    (i32.store offset=8 (i32.add (local.get $heapD) (i32.shl (local.get $i) (i32.const 4))) (local.get $w))
                    (local.set $hn (i32.add (local.get $hn) (i32.const 1)))
                    (i32.store (i32.add (local.get $predV) (i32.shl (local.get $np) (i32.const 2))) (local.get $v))
                    (i32.store (i32.add (local.get $predNext) (i32.shl (local.get $np) (i32.const 2))) (i32.const -1))
                    (i32.store (i32.add (local.get $predHead) (i32.shl (local.get $w) (i32.const 2))) (local.get $np))
                    (local.set $np (i32.add (local.get $np) (i32.const 1))))
                  (else
                    (if (f64.eq (local.get $alt) (f64.load (local.get $a)))
                      (then
                        (local.set $a (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))))
                        (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (local.get $sigmaV)))
                        (local.set $a (i32.add (local.get $predHead) (i32.shl (local.get $w) (i32.const 2))))
                        (i32.store (i32.add (local.get $predV) (i32.shl (local.get $np) (i32.const 2))) (local.get $v))
                        (i32.store (i32.add (local.get $predNext) (i32.shl (local.get $np) (i32.const 2))) (i32.load (local.get $a)))
                        (i32.store (local.get $a) (local.get $np))
                        (local.set $np (i32.add (local.get $np) (i32.const 1)))))))
            (local.set $e (i32.add (local.get $e) (i32.const 4)))
            (local.set $el (i32.add (local.get $el) (i32.const 8)))
            (br $relax)))
        (br $search)))
    ;; accumulation in reverse settle order
    (local.set $r (local.get $nS))
    (block $accumulated
      (loop $accumulate
        (br_if $accumulated (i32.le_s (local.get $r) (i32.const 0)))
        (local.set $r (i32.sub (local.get $r) (i32.const 1)))
        (local.set $w (i32.load (i32.add (local.get $stack) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $coeff (f64.div
          (f64.add (f64.const 1) (f64.load (i32.add (local.get $delta) (i32.shl (local.get $w) (i32.const 3)))))
          (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))))))
        (local.set $p (i32.load (i32.add (local.get $predHead) (i32.shl (local.get $w) (i32.const 2)))))
        (block $pushed
          (loop $each
            (br_if $pushed (i32.lt_s (local.get $p) (i32.const 0)))
            (local.set $v (i32.load (i32.add (local.get $predV) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $a (i32.add (local.get $delta) (i32.shl (local.get $v) (i32.const 3))))
            (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
              (f64.mul (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3)))) (local.get $coeff))))
            (local.set $p (i32.load (i32.add (local.get $predNext) (i32.shl (local.get $p) (i32.const 2)))))
            (br $each)))
        (if (i32.ne (local.get $w) (local.get $s))
          (then
            (local.set $a (i32.add (local.get $bc) (i32.shl (local.get $w) (i32.const 3))))
            (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
              (f64.load (i32.add (local.get $delta) (i32.shl (local.get $w) (i32.const 3))))))))
        (br $accumulate)))
    ;; reset what this source touched
    (local.set $r (i32.const 0))
    (block $reset
      (loop $clear
        (br_if $reset (i32.ge_s (local.get $r) (local.get $nS)))
        (local.set $v (i32.load (i32.add (local.get $stack) (i32.shl (local.get $r) (i32.const 2)))))
        (f64.store (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 3))) (f64.const inf))
        (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3))) (f64.const 0))
        (f64.store (i32.add (local.get $delta) (i32.shl (local.get $v) (i32.const 3))) (f64.const 0))
        (i32.store (i32.add (local.get $predHead) (i32.shl (local.get $v) (i32.const 2))) (i32.const -1))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $clear)))))
