;; The Gauss-Seidel sweep of pagerank-kernel.ts (sweepJs) as a WebAssembly gather kernel.
;; Build: npm run build:wasm (scripts/build-wasm.ts compiles this file with the wabt package and
;; writes the bytes into pagerank-kernel-wasm.ts; a unit test checks the two agree).
;;
;; Why WebAssembly: the loop is a gather, sum += p[k] · x[src[k]], bound by memory latency. V8's
;; optimised JS pays for bounds checks, tagged loop state and deopt guards on every edge (3-4x a C
;; loop); wasm compiles to nearly the C loop because its bounds checks are done by guard pages.
;;
;; Same arithmetic in the same order as sweepJs, so both give the same bits (wasm f64 is IEEE-754
;; binary64 with no fused multiply-add): per node the in-edge sum runs in CSR order, then
;; y = damp·sum + seed[v], err += |y − x[v]|, x[v] = y (in place: later nodes read the new value).
;;
;; sweep(v0, v1, down, ...) updates nodes v0 .. v1−1, from v1−1 downwards when `down` is 1, and
;; carries the running L1 change in and out so chunked calls add up in the same order as one loop.
;; Chunks of ~64k nodes, not one call per solve, because V8 starts wasm in its baseline compiler and
;; swaps in optimised code only for later calls (wasm has no on-stack replacement): a single long
;; call would run unoptimised from start to end. residual and total serve the stopping rule. Pointer arguments are byte offsets into the
;; imported memory: inStart, inSrc i32; inProb, seed, x f64.
(module
  (import "env" "memory" (memory 1 65536))
  (func (export "sweep")
    (param $v0 i32) (param $v1 i32) (param $down i32) (param $inStart i32) (param $inSrc i32)
    (param $inProb i32) (param $seed i32) (param $x i32) (param $damp f64) (param $err f64)
    (result f64)
    (local $sum f64) (local $y f64) (local $left i32) (local $v8 i32) (local $step8 i32) (local $sp i32)
    (local $k4 i32) (local $kEnd4 i32) (local $k8 i32) (local $t i32) (local $xv i32)
    (local.set $left (i32.sub (local.get $v1) (local.get $v0)))
    (if (local.get $down)
      (then
        (local.set $v8 (i32.shl (i32.sub (local.get $v1) (i32.const 1)) (i32.const 3)))
        (local.set $step8 (i32.const -8)))
      (else
        (local.set $v8 (i32.shl (local.get $v0) (i32.const 3)))
        (local.set $step8 (i32.const 8))))
    (block $vd
      (loop $vl
        (br_if $vd (i32.le_s (local.get $left) (i32.const 0)))
        ;; in-edges [inStart[v], inStart[v+1]) as byte offsets into inSrc (×4) and inProb (×8)
        (local.set $sp (i32.add (local.get $inStart) (i32.shr_u (local.get $v8) (i32.const 1))))
        (local.set $t (i32.load (local.get $sp)))
        (local.set $k4 (i32.add (local.get $inSrc) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $k8 (i32.add (local.get $inProb) (i32.shl (local.get $t) (i32.const 3))))
        (local.set $kEnd4 (i32.add (local.get $inSrc) (i32.shl (i32.load offset=4 (local.get $sp)) (i32.const 2))))
        (local.set $sum (f64.const 0))
        ;; two edges per trip, still summed one after the other (same rounding as sweepJs)
        (block $ed2
          (loop $el2
            (br_if $ed2 (i32.gt_u (i32.add (local.get $k4) (i32.const 8)) (local.get $kEnd4)))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (f64.load (local.get $k8))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $k4)) (i32.const 3)))))))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (f64.load offset=8 (local.get $k8))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load offset=4 (local.get $k4)) (i32.const 3)))))))
            (local.set $k4 (i32.add (local.get $k4) (i32.const 8)))
            (local.set $k8 (i32.add (local.get $k8) (i32.const 16)))
            (br $el2)))
        (if (i32.lt_u (local.get $k4) (local.get $kEnd4))
          (then
            (local.set $sum (f64.add (local.get $sum) (f64.mul (f64.load (local.get $k8))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $k4)) (i32.const 3)))))))))
        (local.set $xv (i32.add (local.get $x) (local.get $v8)))
        (local.set $y (f64.add (f64.mul (local.get $damp) (local.get $sum))
          (f64.load (i32.add (local.get $seed) (local.get $v8)))))
        (local.set $err (f64.add (local.get $err) (f64.abs (f64.sub (local.get $y) (f64.load (local.get $xv))))))
        (f64.store (local.get $xv) (local.get $y))
        (local.set $v8 (i32.add (local.get $v8) (local.get $step8)))
        (local.set $left (i32.sub (local.get $left) (i32.const 1)))
        (br $vl)))
    (local.get $err))
  ;; residual(v0, v1, ...) adds Σ |damp·sum + c·seed[v] − x[v]| over v0 .. v1−1 to err, changing
  ;; nothing: the L1 change one power-iteration step would make at x (c carries the teleport and
  ;; dangling mass at x's scale).
  (func (export "residual")
    (param $v0 i32) (param $v1 i32) (param $inStart i32) (param $inSrc i32) (param $inProb i32)
    (param $seed i32) (param $x i32) (param $damp f64) (param $c f64) (param $err f64)
    (result f64)
    (local $sum f64) (local $v8 i32) (local $vEnd8 i32) (local $sp i32) (local $k4 i32) (local $kEnd4 i32)
    (local $k8 i32) (local $t i32)
    (local.set $v8 (i32.shl (local.get $v0) (i32.const 3)))
    (local.set $vEnd8 (i32.shl (local.get $v1) (i32.const 3)))
    (block $vd
      (loop $vl
        (br_if $vd (i32.ge_u (local.get $v8) (local.get $vEnd8)))
        (local.set $sp (i32.add (local.get $inStart) (i32.shr_u (local.get $v8) (i32.const 1))))
        (local.set $t (i32.load (local.get $sp)))
        (local.set $k4 (i32.add (local.get $inSrc) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $k8 (i32.add (local.get $inProb) (i32.shl (local.get $t) (i32.const 3))))
        (local.set $kEnd4 (i32.add (local.get $inSrc) (i32.shl (i32.load offset=4 (local.get $sp)) (i32.const 2))))
        (local.set $sum (f64.const 0))
        (block $ed
          (loop $el
            (br_if $ed (i32.ge_u (local.get $k4) (local.get $kEnd4)))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (f64.load (local.get $k8))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $k4)) (i32.const 3)))))))
            (local.set $k4 (i32.add (local.get $k4) (i32.const 4)))
            (local.set $k8 (i32.add (local.get $k8) (i32.const 8)))
            (br $el)))
        (local.set $err (f64.add (local.get $err) (f64.abs (f64.sub
          (f64.add (f64.mul (local.get $damp) (local.get $sum)) (f64.mul (local.get $c) (f64.load (i32.add (local.get $seed) (local.get $v8)))))
          (f64.load (i32.add (local.get $x) (local.get $v8)))))))
        (local.set $v8 (i32.add (local.get $v8) (i32.const 8)))
        (br $vl)))
    (local.get $err))
  ;; Σ x[0 .. n), in index order
  (func (export "total") (param $x i32) (param $n i32) (result f64)
    (local $sum f64) (local $end i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $next)))
    (local.get $sum)))
