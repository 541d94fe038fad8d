"""Benchmark: whole-process PDF export of Journey Studio against Dia 0.97, like with like.

Generates a 1,000-card and a 5,000-card project (8 stages × 6 lanes, two lines of
Vietnamese text per card) and an equivalent Dia diagram for each (the same boxes with
the same text, stage and lane headers). Both sides then write the same thing: ONE A3
landscape page holding every card, scaled to fit —
- ours: `python -m app export FILE.cjm -o OUT.pdf --no-cover --no-persona --no-legend
  --no-insights --fit page` (A3 landscape, fit to one page; only the map page);
- Dia: `dia -n -e OUT.pdf FILE.dia`, the diagram's paper set to A3 landscape, "fit to
  1 × 1 pages" (without it Dia prints the diagram at 1:1 over 45 or 200 A4 pages), each
  cell's cards in columns so the diagram has about the page's shape (see ONE_A3_PAGE).
The page count and size of both PDFs are checked and printed. Runs are interleaved
(ours, Dia, Dia, ours, …) after one untimed warm-up each, so a change in the machine's
load hits both alike; medians of wall and CPU time (user + system of the child, from
getrusage(RUSAGE_CHILDREN)) and the load average are printed.

    .venv/bin/python bench/pdf_vs_dia.py [--runs 7] [--sizes 1000,5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain import serialize  # noqa: E402
from app.domain.model import Card, JourneyMap, Lane, LaneKind, Project, Stage  # noqa: E402
from app.domain.templates import STAGE_PALETTE, builtin_channels  # noqa: E402

STAGES = ("Nhận thức", "Cân nhắc", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp",
          "Ủng hộ", "Quảng bá")
LANES = (LaneKind.TOUCHPOINTS, LaneKind.ACTIONS, LaneKind.THOUGHTS, LaneKind.PAINS,
         LaneKind.OPPORTUNITIES, LaneKind.BACKSTAGE)
LANE_TITLES = ("Điểm chạm", "Hành động", "Suy nghĩ", "Điểm đau", "Cơ hội", "Hậu trường")
TITLES = ("Khách hàng tìm hiểu sản phẩm", "Đọc đánh giá trên mạng", "Gọi tổng đài hỏi giá",
          "Ghé cửa hàng gần nhà", "Nhận email ưu đãi", "Thanh toán qua ứng dụng")
BODIES = ("Thấy quảng cáo trên Facebook", "Hỏi ý kiến bạn bè và người thân",
          "Lo lắng về phí vận chuyển", "Muốn được tư vấn nhanh hơn",
          "Đợi xác nhận đơn hàng", "Chia sẻ trải nghiệm với đồng nghiệp")


def build_project(n_cards: int) -> Project:
    """8 stages × 6 lanes, cards spread evenly, a title and a one-line body each."""
    project = Project(title=f"Bench {n_cards} thẻ", client="Công ty Bench", author="Bench",
                      language="vi", created="2026-01-01T00:00:00+00:00",
                      modified="2026-01-01T00:00:00+00:00")
    project.channels = builtin_channels("vi")
    journey = JourneyMap(name=f"Hành trình {n_cards} thẻ")
    journey.stages = [Stage(map_id=journey.id, title=t, color=STAGE_PALETTE[i])
                      for i, t in enumerate(STAGES)]
    journey.lanes = [Lane(map_id=journey.id, title=t, kind=k)
                     for t, k in zip(LANE_TITLES, LANES, strict=True)]
    cells = len(STAGES) * len(LANES)
    for i in range(n_cards):
        cell = i % cells
        stage, lane = journey.stages[cell % len(STAGES)], journey.lanes[cell // len(STAGES)]
        card = Card(map_id=journey.id, stage_id=stage.id, lane_id=lane.id, order=i // cells,
                    title=f"{TITLES[i % len(TITLES)]} {i + 1}", body=BODIES[(i // 7) % 6])
        if lane.kind == LaneKind.TOUCHPOINTS:
            card.channel_id = project.channels[i % len(project.channels)].id
        journey.cards.append(card)
    project.maps.append(journey)
    return project


def write_project(project: Project, directory: Path) -> Path:
    """A .cjm through app.storage when it is available, else the JSON interchange file."""
    try:
        from app.storage.store import ProjectStore

        path = directory / f"bench-{len(project.maps[0].cards)}.cjm"
        store = ProjectStore.create(path, project, overwrite=True)
        store.close()
        return path
    except ImportError:
        import json

        path = directory / f"bench-{len(project.maps[0].cards)}.json"
        path.write_text(json.dumps(serialize.project_to_dict(project), ensure_ascii=False),
                        encoding="utf-8")
        return path


# Dia's page setup: A3 landscape (42 × 29.7 cm, 1 cm margins), "fit to 1 × 1 pages", as our
# default "fit to page". Dia cannot shrink below a few per cent (text keeps a minimum size,
# and a 5,000-card map one card wide per stage spilled onto a second page), so each cell's
# cards are set in as many columns as bring the diagram near the page's shape, as our
# fit-to-page widens stages for the same reason.
A3_ASPECT = 40.0 / 27.7
ONE_A3_PAGE = """  <dia:diagramdata>
    <dia:attribute name="background"><dia:color val="#ffffff"/></dia:attribute>
    <dia:attribute name="paper">
      <dia:composite type="paper">
        <dia:attribute name="name"><dia:string>#A3#</dia:string></dia:attribute>
        <dia:attribute name="tmargin"><dia:real val="1"/></dia:attribute>
        <dia:attribute name="bmargin"><dia:real val="1"/></dia:attribute>
        <dia:attribute name="lmargin"><dia:real val="1"/></dia:attribute>
        <dia:attribute name="rmargin"><dia:real val="1"/></dia:attribute>
        <dia:attribute name="is_portrait"><dia:boolean val="false"/></dia:attribute>
        <dia:attribute name="scaling"><dia:real val="1"/></dia:attribute>
        <dia:attribute name="fitto"><dia:boolean val="true"/></dia:attribute>
        <dia:attribute name="fitwidth"><dia:int val="1"/></dia:attribute>
        <dia:attribute name="fitheight"><dia:int val="1"/></dia:attribute>
      </dia:composite>
    </dia:attribute>
  </dia:diagramdata>
"""


def write_dia(project: Project, path: Path) -> None:
    """The same map as a Dia diagram: header boxes and one two-line box per card (cm)."""
    journey = project.maps[0]
    col_w, head_w, card_h, gap = 6.0, 4.5, 1.3, 0.15
    per_cell: dict[tuple[str, str], int] = {}
    for card in journey.cards:
        per_cell[(card.stage_id, card.lane_id)] = per_cell.get((card.stage_id, card.lane_id),
                                                                0) + 1
    depth = max(per_cell.values(), default=1)
    n_stages, n_lanes = len(journey.stages), len(journey.lanes)

    def shape(columns: int) -> float:
        rows = -(-depth // columns)
        width = head_w + n_stages * columns * cell_w
        return width / (2 + n_lanes * (rows * (card_h + gap) + gap))

    cell_w = col_w
    columns = min(range(1, 41), key=lambda c: abs(shape(c) - A3_ASPECT))
    rows = -(-depth // columns)
    lane_h = rows * (card_h + gap) + gap
    col_w = columns * cell_w
    k = 1.0
    objects = []

    def box(x, y, w, h, fill, border, text, bold=False):
        n = len(objects)
        lines = escape(text)
        x, y, w, h = x * k, y * k, w * k, h * k
        objects.append(f'''
    <dia:object type="Flowchart - Box" version="0" id="O{n}">
      <dia:attribute name="elem_corner"><dia:point val="{x:.5f},{y:.5f}"/></dia:attribute>
      <dia:attribute name="elem_width"><dia:real val="{w:.5f}"/></dia:attribute>
      <dia:attribute name="elem_height"><dia:real val="{h:.5f}"/></dia:attribute>
      <dia:attribute name="border_width"><dia:real val="{0.03 * k:.5f}"/></dia:attribute>
      <dia:attribute name="border_color"><dia:color val="{border}"/></dia:attribute>
      <dia:attribute name="inner_color"><dia:color val="{fill}"/></dia:attribute>
      <dia:attribute name="show_background"><dia:boolean val="true"/></dia:attribute>
      <dia:attribute name="corner_radius"><dia:real val="{0.15 * k:.5f}"/></dia:attribute>
      <dia:attribute name="padding"><dia:real val="{0.1 * k:.5f}"/></dia:attribute>
      <dia:attribute name="text">
        <dia:composite type="text">
          <dia:attribute name="string"><dia:string>#{lines}#</dia:string></dia:attribute>
          <dia:attribute name="font"><dia:font family="DejaVu Sans"
            style="{80 if bold else 0}" name="Helvetica"/></dia:attribute>
          <dia:attribute name="height"><dia:real val="{0.35 * k:.5f}"/></dia:attribute>
          <dia:attribute name="pos"><dia:point
            val="{x + w / 2:.5f},{y + h / 2:.5f}"/></dia:attribute>
          <dia:attribute name="color"><dia:color val="#1f2328"/></dia:attribute>
          <dia:attribute name="alignment"><dia:enum val="1"/></dia:attribute>
        </dia:composite>
      </dia:attribute>
    </dia:object>''')

    for i, stage in enumerate(journey.stages):
        box(head_w + i * col_w, 0, col_w, 2, "#f7f8fa", stage.color.lower(), stage.title, True)
    fills = {LaneKind.TOUCHPOINTS: ("#e8f1fb", "#2f6fb3"), LaneKind.ACTIONS: ("#f2f2f2", "#6b6b6b"),
             LaneKind.THOUGHTS: ("#fff8dc", "#b8962e"), LaneKind.PAINS: ("#fde8e8", "#c0392b"),
             LaneKind.OPPORTUNITIES: ("#e6f6ec", "#1e8449"),
             LaneKind.BACKSTAGE: ("#eee9f7", "#6c4fa3")}
    for j, lane in enumerate(journey.lanes):
        box(0, 2 + j * lane_h, head_w, lane_h, "#f7f8fa", "#d9dde3", lane.title, True)
    stage_x = {s.id: head_w + i * col_w for i, s in enumerate(journey.stages)}
    lane_y = {lane.id: 2 + j * lane_h for j, lane in enumerate(journey.lanes)}
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    for card in journey.cards:
        fill, border = fills[kinds[card.lane_id]]
        row, column = divmod(card.order, columns)
        box(stage_x[card.stage_id] + column * cell_w + 0.2,
            lane_y[card.lane_id] + gap + row * (card_h + gap),
            cell_w - 0.4, card_h, fill, border, f"{card.title}\n{card.body}")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<dia:diagram xmlns:dia="http://www.lysator.liu.se/~alla/dia/">\n'
                    + ONE_A3_PAGE +
                    '  <dia:layer name="Background" visible="true" active="true">'
                    + "".join(objects) + "\n  </dia:layer>\n</dia:diagram>\n", encoding="utf-8")


def our_command(project_path: Path, out: Path) -> list[str]:
    """Our export of the map page alone: A3 landscape, fit to one page (as Dia's 1 × 1;
    the default now tiles a map too big to read on one page)."""
    return [sys.executable, "-m", "app", "export", str(project_path), "-o", str(out),
            "--fit", "page", "--no-cover", "--no-persona", "--no-legend", "--no-insights"]


def dia_command(dia_path: Path, out: Path) -> list[str]:
    """Dia's export command; under xvfb-run when there is no display and Dia wants one."""
    cmd = ["dia", "-n", "-e", str(out), str(dia_path)]
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        probe = subprocess.run(cmd, capture_output=True, text=True)
        if probe.returncode != 0 or not out.exists():
            return ["xvfb-run", "-a", *cmd]
    return cmd


def timed(cmd: list[str], out: Path) -> tuple[float, float]:
    """One run of `cmd`: wall time and the child's CPU time (user + system)."""
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-2000:]}")
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def pages(pdf: Path) -> str:
    """'N × WIDTHxHEIGHT pt' of a PDF, to show both sides wrote the same thing."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    return f"{len(reader.pages)} × " + ", ".join(f"{w}x{h}" for w, h in sorted(sizes))


def interleaved(commands: dict[str, tuple[list[str], Path]], runs: int
                ) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command over `runs` interleaved runs."""
    for cmd, out in commands.values():
        timed(cmd, out)  # warm-up: file cache, font cache
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        for name in names if i % 2 == 0 else names[::-1]:
            samples[name].append(timed(*commands[name]))
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in samples.items()}


def main(argv: list[str] | None = None) -> int:
    """Generate, time, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (≥ 5)")
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--keep", help="write the inputs and PDFs here and keep them")
    args = parser.parse_args(argv)
    if not shutil.which("dia"):
        raise SystemExit("Dia is not installed: apt-get install -y dia")
    work = Path(args.keep or tempfile.mkdtemp(prefix="pdf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    targets = {1000: 1.0, 5000: 0.7}
    version = subprocess.run(["dia", "--version"], capture_output=True, text=True).stdout
    print(f"{version.strip().splitlines()[0]}; {args.runs} interleaved runs each, medians")
    print(f"{'cards':>6} {'ours (s)':>9} {'Dia (s)':>8} {'ratio':>6} {'target':>7} "
          f"{'CPU ours/Dia (s)':>17} {'CPU ratio':>9}  {'pages ours | Dia':<30} load")
    ok = True
    for n in (int(s) for s in args.sizes.split(",")):
        project = build_project(n)
        src = write_project(project, work)
        dia_src = work / f"bench-{n}.dia"
        write_dia(project, dia_src)
        ours_out, dia_out = work / f"ours-{n}.pdf", work / f"dia-{n}.pdf"
        load = os.getloadavg()[0]
        got = interleaved({"ours": (our_command(src, ours_out), ours_out),
                           "dia": (dia_command(dia_src, dia_out), dia_out)}, args.runs)
        (ours, ours_cpu), (dia, dia_cpu) = got["ours"], got["dia"]
        target = targets.get(n)
        ratio = ours / dia
        ok &= target is None or ratio <= target
        print(f"{n:>6} {ours:>9.3f} {dia:>8.3f} {ratio:>6.2f} "
              f"{'≤' + format(target, '.1f') if target else '':>7} "
              f"{ours_cpu:>8.3f}/{dia_cpu:<8.3f} {ours_cpu / dia_cpu:>9.2f}  "
              f"{pages(ours_out) + ' | ' + pages(dia_out):<30} "
              f"{load:.2f}→{os.getloadavg()[0]:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
