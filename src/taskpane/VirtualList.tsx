/**
 * A small virtualised list with rows of varying height: only the rows in view (plus a margin) are
 * in the DOM; their heights are measured as they render (ResizeObserver) and estimated until then.
 * Rows stay in normal flow between two spacers, so focus, Tab order and screen readers behave as in
 * a plain list. ArrowUp/ArrowDown/Home/End move focus between rows' first focusable element, also
 * to rows not rendered yet.
 */
import * as React from "react";

export interface VirtualListHandle {
  /** Scrolls so that row `index` is in view, and optionally focuses it once rendered. */
  scrollToIndex(index: number, options?: { focus?: boolean; align?: "auto" | "start" }): void;
}

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly getKey: (item: T, index: number) => string;
  readonly estimateHeight: (item: T, index: number) => number;
  readonly renderItem: (item: T, index: number) => React.ReactNode;
  /** Rows rendered beyond the visible area, in pixels (default 400). */
  readonly overscan?: number;
  readonly className?: string;
  readonly role?: string;
  readonly "aria-label"?: string;
  /** Viewport height to assume where the DOM cannot tell (jsdom). */
  readonly fallbackHeight?: number;
  readonly "data-testid"?: string;
}

function VirtualListInner<T>(
  props: VirtualListProps<T>,
  ref: React.ForwardedRef<VirtualListHandle>
): React.JSX.Element {
  const { items, getKey, estimateHeight, renderItem, overscan = 400, fallbackHeight = 800 } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const heights = React.useRef(new Map<string, number>());
  const [, setVersion] = React.useState(0);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(0);
  const pendingFocus = React.useRef<number | null>(null);
  const frame = React.useRef<number | null>(null);

  // offsets of every row (cheap: a few thousand additions)
  const keys = React.useMemo(() => items.map((it, i) => getKey(it, i)), [items, getKey]);
  const offsets = new Array<number>(items.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < items.length; i++)
    offsets[i + 1] = offsets[i] + (heights.current.get(keys[i]) ?? estimateHeight(items[i], i));
  const total = offsets[items.length];

  const height = viewport > 0 ? viewport : fallbackHeight;
  const top = Math.max(0, scrollTop - overscan);
  const bottom = scrollTop + height + overscan;
  // first row whose bottom is below `top`
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= top) lo = mid + 1;
    else hi = mid;
  }
  const start = lo;
  let end = start;
  while (end < items.length && offsets[end] < bottom) end++;

  // viewport size
  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // row heights
  const observer = React.useMemo(() => {
    if (typeof ResizeObserver === "undefined") return null;
    return new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const el = e.target as HTMLElement;
        const key = el.dataset.vkey;
        if (key === undefined) continue;
        const h = Math.round(el.getBoundingClientRect().height);
        if (h > 0 && heights.current.get(key) !== h) {
          heights.current.set(key, h);
          changed = true;
        }
      }
      if (changed) setVersion((v) => v + 1);
    });
  }, []);
  React.useEffect(() => () => observer?.disconnect(), [observer]);

  const measure = React.useCallback(
    (el: HTMLDivElement | null) => {
      if (el && observer) observer.observe(el);
    },
    [observer]
  );

  const onScroll = React.useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  }, []);
  React.useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    []
  );

  const focusRow = React.useCallback((index: number): boolean => {
    const el = scroller.current?.querySelector<HTMLElement>(`[data-vindex="${index}"]`);
    if (!el) return false;
    const target =
      el.querySelector<HTMLElement>("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])") ?? el;
    target.focus();
    return true;
  }, []);

  React.useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index, options = {}) {
        const el = scroller.current;
        if (!el || index < 0 || index >= items.length) return;
        const rowTop = offsets[index];
        const rowBottom = offsets[index + 1];
        const view = el.clientHeight || height;
        let next = el.scrollTop;
        if (options.align === "start" || rowTop < el.scrollTop) next = rowTop;
        else if (rowBottom > el.scrollTop + view) next = Math.max(0, rowBottom - view);
        if (next !== el.scrollTop) {
          el.scrollTop = next;
          setScrollTop(next);
        }
        if (options.focus && !focusRow(index)) pendingFocus.current = index;
      },
    }),
    // offsets change with every render; the handle reads the latest
    [items, offsets[items.length], height, focusRow]
  );

  React.useEffect(() => {
    if (pendingFocus.current !== null && focusRow(pendingFocus.current)) pendingFocus.current = null;
  });

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
    const target = e.target as HTMLElement;
    if (target.matches("input, select, textarea")) return;
    const row = target.closest<HTMLElement>("[data-vindex]");
    if (!row || !scroller.current?.contains(row)) return;
    const index = Number(row.dataset.vindex);
    const next =
      e.key === "ArrowDown" ? index + 1 : e.key === "ArrowUp" ? index - 1 : e.key === "Home" ? 0 : items.length - 1;
    if (next < 0 || next >= items.length) return;
    e.preventDefault();
    const el = scroller.current;
    const rowTop = offsets[next];
    const rowBottom = offsets[next + 1];
    if (rowTop < el.scrollTop) el.scrollTop = rowTop;
    else if (rowBottom > el.scrollTop + (el.clientHeight || height))
      el.scrollTop = rowBottom - (el.clientHeight || height);
    setScrollTop(el.scrollTop);
    if (!focusRow(next)) pendingFocus.current = next;
  };

  const rows: React.ReactNode[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div key={keys[i]} ref={measure} data-vkey={keys[i]} data-vindex={i}>
        {renderItem(items[i], i)}
      </div>
    );
  }

  return (
    <div
      ref={scroller}
      className={props.className}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid={props["data-testid"]}
      style={{ overflowY: "auto", position: "relative" }}
    >
      <div role={props.role} aria-label={props["aria-label"]}>
        <div style={{ height: offsets[start] }} aria-hidden="true" />
        {rows}
        <div style={{ height: Math.max(0, total - offsets[end]) }} aria-hidden="true" />
      </div>
    </div>
  );
}

export const VirtualList = React.forwardRef(VirtualListInner) as <T>(
  props: VirtualListProps<T> & { ref?: React.Ref<VirtualListHandle> }
) => React.JSX.Element;
