"""Inline SVG line charts (no scripts, fonts or images: the report opens offline)."""

from __future__ import annotations

from html import escape

from csc.report.cells import fmt

WIDTH, HEIGHT = 680, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 16, 34


def _nice_max(x: float) -> float:
    if x <= 0:
        return 1.0
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10):
        magnitude = 10 ** (len(str(int(x))) - 1)
        candidate = step * magnitude
        if candidate >= x:
            return float(candidate)
    return float(10 ** len(str(int(x))))


def line_chart(
    title: str,
    labels: list[str],
    values: list[float | None],
    kind: str,
    targets: list[float | None],
    benchmarks: list[tuple[str, float]],
) -> str:
    """A monthly series (gaps where a value is missing or suppressed), the target in force each month
    (dashed), and benchmark levels (dotted, labelled at the right)."""
    known = [v for v in values if v is not None]
    known += [t for t in targets if t is not None]
    known += [b for _, b in benchmarks]
    top = _nice_max(max(known) * 1.08) if known else 1.0
    if kind == "percentage" and top > 100 and max(known) <= 100:
        top = 100.0
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    n = max(len(labels), 1)

    def x(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / n)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for k in range(5):
        grid = top * k / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(grid):.1f}" y2="{y(grid):.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y(grid) + 4:.1f}" class="axis" text-anchor="end">'
            f"{escape(fmt(grid, kind))}</text>"
        )
    for i, label in enumerate(labels):
        if i % 3 == (n - 1) % 3:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" class="axis" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
    # target: a dashed step line over the months it is in force
    segment: list[str] = []
    for i, t in enumerate(targets + [None]):
        if t is not None:
            segment.append(f"{x(i) - plot_w / n / 2:.1f},{y(t):.1f} {x(i) + plot_w / n / 2:.1f},{y(t):.1f}")
        elif segment:
            parts.append(f'<polyline class="target" points="{" ".join(segment)}"/>')
            segment = []
    last_target = next((t for t in reversed(targets) if t is not None), None)
    legend_y = TOP + 10
    if last_target is not None:
        parts.append(
            f'<text x="{LEFT + plot_w + 8}" y="{legend_y}" class="legend target-text">'
            f"Target {escape(fmt(last_target, kind))}</text>"
        )
        legend_y += 16
    for name, level in benchmarks:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(level):.1f}" y2="{y(level):.1f}" class="benchmark"/>'
            f'<text x="{LEFT + plot_w + 8}" y="{legend_y}" class="legend">'
            f"{escape(name)} {escape(fmt(level, kind))}</text>"
        )
        legend_y += 16
    # the series: one polyline per run of known values, a dot per month
    run: list[str] = []
    for i, v in enumerate(values + [None]):
        if v is not None:
            run.append(f"{x(i):.1f},{y(v):.1f}")
        elif run:
            parts.append(f'<polyline class="series" points="{" ".join(run)}"/>')
            run = []
    for i, v in enumerate(values):
        if v is not None:
            parts.append(
                f'<circle class="point" cx="{x(i):.1f}" cy="{y(v):.1f}" r="3">'
                f"<title>{escape(labels[i])}: {escape(fmt(v, kind))}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
