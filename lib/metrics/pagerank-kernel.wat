;; The PageRank power iteration of pagerank.ts (iteratePageRank) as a WebAssembly gather kernel.
;; Build: npm run build:wasm (scripts/build-wasm.ts compiles this file with the wabt package and
;; writes the bytes into pagerank-kernel-wasm.ts; a unit test checks the two agree).
;;
;; Why WebAssembly: the loop is a gather, sum += p[k] · x[src[k]], bound by memory latency. V8's
;; optimised JS pays for bounds checks, tagged loop state and deopt guards on every edge (3-4x a C
;; loop); wasm compiles to nearly the C loop because its bounds checks are done by guard pages.
;;
;; Same arithmetic, same order, as the JS loop: per node the in-edge sum runs in CSR order, then
;; y = damp·sum + toSeed·seed[v] and err += |y − x[v]|, so the result is bit-identical (wasm f64 is
;; IEEE-754 binary64 with no fused multiply-add).
;;
;; Arguments are byte offsets into the imported memory: inStart and inSrc i32, inProb, seed, x and
;; next f64, dangling i32. x holds the start vector; the function swaps x and next every iteration
;; and leaves the result's offset in the exported global `result`, the last L1 change in `delta`.
(module
  (import "env" "memory" (memory 1 65536))
  (global $delta (export "delta") (mut f64) (f64.const 0))
  (global $result (export "result") (mut i32) (i32.const 0))
  (func (export "iterate")
    (param $n i32) (param $inStart i32) (param $inSrc i32) (param $inProb i32) (param $seed i32)
    (param $dangling i32) (param $nDangling i32) (param $x i32) (param $next i32)
    (param $alpha f64) (param $tol f64) (param $maxIter i32) (result i32)
    (local $it i32) (local $damp f64) (local $toSeed f64) (local $err f64) (local $sum f64) (local $y f64)
    (local $d i32) (local $dEnd i32) (local $v8 i32) (local $vEnd8 i32) (local $sp i32)
    (local $k4 i32) (local $kEnd4 i32) (local $k8 i32) (local $t i32)
    (local.set $damp (f64.sub (f64.const 1) (local.get $alpha)))
    (local.set $dEnd (i32.add (local.get $dangling) (i32.shl (local.get $nDangling) (i32.const 2))))
    (local.set $vEnd8 (i32.shl (local.get $n) (i32.const 3)))
    (global.set $delta (f64.const inf))
    (block $done
      (loop $iteration
        (br_if $done (i32.ge_s (local.get $it) (local.get $maxIter)))
        ;; mass held by dangling nodes, summed in index order
        (local.set $sum (f64.const 0))
        (local.set $d (local.get $dangling))
        (block $dd
          (loop $dl
            (br_if $dd (i32.ge_u (local.get $d) (local.get $dEnd)))
            (local.set $sum (f64.add (local.get $sum)
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $d)) (i32.const 3))))))
            (local.set $d (i32.add (local.get $d) (i32.const 4)))
            (br $dl)))
        (local.set $toSeed (f64.add (local.get $alpha) (f64.mul (local.get $damp) (local.get $sum))))
        (local.set $err (f64.const 0))
        (local.set $v8 (i32.const 0))
        (local.set $sp (local.get $inStart))
        (block $vd
          (loop $vl
            (br_if $vd (i32.ge_u (local.get $v8) (local.get $vEnd8)))
            ;; in-edges [inStart[v], inStart[v+1]) as byte offsets into inSrc (×4) and inProb (×8)
            (local.set $t (i32.load (local.get $sp)))
            (local.set $k4 (i32.add (local.get $inSrc) (i32.shl (local.get $t) (i32.const 2))))
            (local.set $k8 (i32.add (local.get $inProb) (i32.shl (local.get $t) (i32.const 3))))
            (local.set $kEnd4 (i32.add (local.get $inSrc) (i32.shl (i32.load offset=4 (local.get $sp)) (i32.const 2))))
            (local.set $sum (f64.const 0))
            ;; two edges per trip, still summed one after the other (same rounding as the JS loop)
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
            (local.set $y (f64.add (f64.mul (local.get $damp) (local.get $sum))
              (f64.mul (local.get $toSeed) (f64.load (i32.add (local.get $seed) (local.get $v8))))))
            (local.set $err (f64.add (local.get $err)
              (f64.abs (f64.sub (local.get $y) (f64.load (i32.add (local.get $x) (local.get $v8)))))))
            (f64.store (i32.add (local.get $next) (local.get $v8)) (local.get $y))
            (local.set $v8 (i32.add (local.get $v8) (i32.const 8)))
            (local.set $sp (i32.add (local.get $sp) (i32.const 4)))
            (br $vl)))
        (local.set $t (local.get $x))
        (local.set $x (local.get $next))
        (local.set $next (local.get $t))
        (local.set $it (i32.add (local.get $it) (i32.const 1)))
        (global.set $delta (local.get $err))
        (br_if $done (f64.lt (local.get $err) (local.get $tol)))
        (br $iteration)))
    (global.set $result (local.get $x))
    (local.get $it)))
