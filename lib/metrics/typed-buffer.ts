// Growable typed arrays for sparse outputs whose size is only known after the pass that fills them.
// Doubling keeps pushes amortized O(1) without boxing numbers into a JS array.

export class Int32Buffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(1, capacity));
  }
  /** Sets the length to n, growing the storage if needed; new slots hold stale values. */
  resize(n: number): void {
    if (n > this.data.length) {
      const next = new Int32Array(Math.max(n, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.length = n;
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  /** A right-sized copy. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class Float64Buffer {
  data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(Math.max(1, capacity));
  }
  /** Sets the length to n, growing the storage if needed; new slots hold stale values. */
  resize(n: number): void {
    if (n > this.data.length) {
      const next = new Float64Array(Math.max(n, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.length = n;
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Keeps the k largest (value, id) pairs offered, ties broken by the smaller id so results are
 * deterministic. k is small (top sources), so insertion into a sorted slot array beats a heap.
 */
export class TopK {
  readonly ids: Int32Array;
  readonly values: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.ids = new Int32Array(Math.max(1, k));
    this.values = new Float64Array(Math.max(1, k));
  }
  reset(): void {
    this.size = 0;
  }
  offer(id: number, value: number): void {
    const { ids, values, k } = this;
    if (k === 0) return;
    let p = this.size;
    if (p === k) {
      const lv = values[k - 1];
      if (value < lv || (value === lv && id > ids[k - 1])) return;
      p = k - 1;
    } else {
      this.size++;
    }
    while (p > 0 && (values[p - 1] < value || (values[p - 1] === value && ids[p - 1] > id))) {
      values[p] = values[p - 1];
      ids[p] = ids[p - 1];
      p--;
    }
    values[p] = value;
    ids[p] = id;
  }
}
