/**
 * A small virtualised list with rows of varying height: only the rows in view (plus a margin) are
 * in the DOM; their heights are measured as they render (ResizeObserver) and estimated until then.
 * Rows stay in normal flow between two spacers, so focus, Tab order and screen readers behave as in
 * a plain list. ArrowUp/ArrowDown/Home/End move focus between rows' first focusable element, also
 * to rows not rendered yet.
 *
 * Hand-written rather than a library: @tanstack/react-virtual would add about 10 KB gzip to the
 * task pane's start-up JavaScript (over its 250 KB budget); the smaller virtualisers need layout
 * APIs (ResizeObserver, Element.scrollTo) that the jsdom UI tests do not have. See src/taskpane/README.md.
 */
import * as React from "react";

export interface VirtualListHandle {
  /** Scrolls so that row `index` is in view, and optionally focuses it once rendered. */
  scrollToIndex(index: number, options?: { focus?: boolean; align?: "auto" | "start" }): void;
}

interface VirtualListProps<T> {
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

const NAVIGATION_KEYS = new Set(["ArrowDown", "ArrowUp", "Home", "End"]);

/** The rows' measured heights by key, and a ref callback that measures a row element. */
function useRowHeights(): { heights: ReadonlyMap<string, number>; measure: (el: HTMLDivElement | null) => void } {
  const heights = React.useRef(new Map<string, number>());
  const [, setVersion] = React.useState(0);
  const [observer] = React.useState(() =>
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => {
          let changed = false;
          for (const e of entries) {
            const key = (e.target as HTMLElement).dataset.vkey;
            const h = Math.round(e.target.getBoundingClientRect().height);
            if (key !== undefined && h > 0 && heights.current.get(key) !== h) {
              heights.current.set(key, h);
              changed = true;
            }
          }
          if (changed) setVersion((v) => v + 1);
        })
  );
  React.useEffect(() => () => observer?.disconnect(), [observer]);
  const measure = React.useCallback(
    (el: HTMLDivElement | null) => {
      if (el) observer?.observe(el);
    },
    [observer]
  );
  return { heights: heights.current, measure };
}

/** The scroller's height (0 until measured) and scroll position (updated once a frame while scrolling). */
function useScrollState(scroller: React.RefObject<HTMLDivElement | null>) {
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(0);
  const frame = React.useRef<number | null>(null);
  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);
  React.useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    []
  );
  const onScroll = React.useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  }, [scroller]);
  return { scrollTop, setScrollTop, viewport, onScroll };
}

/** Rows start..end-1 overlap top..bottom (offsets[i] is row i's top, offsets[n] the total height). */
function rangeOf(offsets: readonly number[], top: number, bottom: number): [number, number] {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  // the first row whose bottom is below `top`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && offsets[end] < bottom) end++;
  return [lo, end];
}

/** The scroll position that brings row `index` into view (the current one when it is in view already). */
function scrollTopFor(offsets: readonly number[], index: number, scrollTop: number, view: number, start: boolean) {
  const rowTop = offsets[index];
  const rowBottom = offsets[index + 1];
  if (start || rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + view) return Math.max(0, rowBottom - view);
  return scrollTop;
}

/** Focuses the first focusable element of row `index`, when it is rendered. */
function focusRow(scroller: HTMLElement | null, index: number): boolean {
  const row = scroller?.querySelector<HTMLElement>(`[data-vindex="${index}"]`);
  if (!row) return false;
  const target =
    row.querySelector<HTMLElement>("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])") ?? row;
  target.focus();
  return true;
}

/** The row ArrowUp/ArrowDown/Home/End moves to from the row holding `target`, or null. */
function keyTarget(e: React.KeyboardEvent, scroller: HTMLElement | null, count: number): number | null {
  if (!NAVIGATION_KEYS.has(e.key)) return null;
  const target = e.target as HTMLElement;
  if (target.matches("input, select, textarea")) return null;
  const row = target.closest<HTMLElement>("[data-vindex]");
  if (!row || !scroller?.contains(row)) return null;
  const index = Number(row.dataset.vindex);
  const next = e.key === "ArrowDown" ? index + 1 : e.key === "ArrowUp" ? index - 1 : e.key === "Home" ? 0 : count - 1;
  return next >= 0 && next < count ? next : null;
}

function VirtualListInner<T>(
  props: VirtualListProps<T>,
  ref: React.ForwardedRef<VirtualListHandle>
): React.JSX.Element {
  const { items, getKey, estimateHeight, renderItem, overscan = 400, fallbackHeight = 800 } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const { heights, measure } = useRowHeights();
  const { scrollTop, setScrollTop, viewport, onScroll } = useScrollState(scroller);
  const pendingFocus = React.useRef<number | null>(null);

  // offsets of every row (cheap: a few thousand additions)
  const keys = React.useMemo(() => items.map((it, i) => getKey(it, i)), [items, getKey]);
  const offsets = [0];
  for (let i = 0; i < items.length; i++)
    offsets.push(offsets[i] + (heights.get(keys[i]) ?? estimateHeight(items[i], i)));
  const height = viewport > 0 ? viewport : fallbackHeight;
  const [start, end] = rangeOf(offsets, Math.max(0, scrollTop - overscan), scrollTop + height + overscan);

  /** Scrolls row `index` into view and focuses it now or once it renders. */
  const reach = (index: number, options: { focus?: boolean; align?: "auto" | "start" }) => {
    const el = scroller.current;
    if (!el || index < 0 || index >= items.length) return;
    const next = scrollTopFor(offsets, index, el.scrollTop, el.clientHeight || height, options.align === "start");
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(el.scrollTop);
    }
    if (options.focus && !focusRow(el, index)) pendingFocus.current = index;
  };
  // a new handle every render: it reads the latest offsets
  React.useImperativeHandle(ref, () => ({ scrollToIndex: (index, options = {}) => reach(index, options) }));
  React.useEffect(() => {
    if (pendingFocus.current !== null && focusRow(scroller.current, pendingFocus.current)) pendingFocus.current = null;
  });

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const next = keyTarget(e, scroller.current, items.length);
    if (next === null) return;
    e.preventDefault();
    reach(next, { focus: true });
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
        <div style={{ height: Math.max(0, offsets[items.length] - offsets[end]) }} aria-hidden="true" />
      </div>
    </div>
  );
}

export const VirtualList = React.forwardRef(VirtualListInner) as <T>(
  props: VirtualListProps<T> & { ref?: React.Ref<VirtualListHandle> }
) => React.JSX.Element;
