#!/usr/bin/env python3
"""Draws moim's tileset and avatar sprite sheets. Deterministic: same output on every run.

    python3 tools/gen_assets.py            # writes into assets/ next to this tools/ folder

Outputs (see assets/README.md):
  assets/tilesets/moim.png, assets/tilesets/moim.tsj   32x32 tiles, 8 columns, Tiled tileset
  assets/sprites/avatar.png                           white/grey body, tinted per person
  assets/sprites/graduation.png                       cap and gown overlay (checked in)
  assets/sprites/graduation-ribbon.png                white sash, tinted with the sticker colour
  assets/sprites/graduation-medal.png                 medal (a completed sticker card)
Sprite sheets: 3 columns (walk frames: stand, left foot, right foot) x 4 rows (down, left,
right, up), 32x32 each. Every shape is drawn at 4x and scaled down so edges are smooth.
Only the standard library and PIL are used.
"""
import json
import random
from pathlib import Path

from PIL import Image, ImageDraw

TILE = 32
SCALE = 4
COLUMNS = 8
ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"

OUTLINE = (58, 52, 66, 255)
WOOD = (196, 150, 102, 255)
WOOD_DARK = (134, 92, 62, 255)
WALL_CAP = (74, 70, 96, 255)
WALL_FACE = (232, 222, 204, 255)


class Pen:
    """Draws in 32x32 tile coordinates onto a 4x canvas; finish() scales down smoothly."""

    def __init__(self, size=(TILE, TILE), background=(0, 0, 0, 0)):
        self.size = size
        self.img = Image.new("RGBA", (size[0] * SCALE, size[1] * SCALE), background)
        self.draw = ImageDraw.Draw(self.img)

    def _box(self, x0, y0, x1, y1):
        return [x0 * SCALE, y0 * SCALE, x1 * SCALE - 1, y1 * SCALE - 1]

    def rect(self, x0, y0, x1, y1, fill, outline=None, width=1, radius=0):
        box = self._box(x0, y0, x1, y1)
        w = width * SCALE if outline else 0
        if radius:
            self.draw.rounded_rectangle(box, radius * SCALE, fill, outline, w)
        else:
            self.draw.rectangle(box, fill, outline, w)

    def ellipse(self, x0, y0, x1, y1, fill, outline=None, width=1):
        self.draw.ellipse(self._box(x0, y0, x1, y1), fill, outline, width * SCALE if outline else 0)

    def line(self, points, fill, width=1):
        self.draw.line([(x * SCALE, y * SCALE) for x, y in points], fill, width * SCALE)

    def poly(self, points, fill, outline=None):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill, outline)

    def finish(self):
        return self.img.resize(self.size, Image.LANCZOS)


def shade(colour, amount):
    """Lighter (amount > 0) or darker (amount < 0) version of an RGBA colour."""
    r, g, b, a = colour
    if amount >= 0:
        return tuple(int(c + (255 - c) * amount) for c in (r, g, b)) + (a,)
    return tuple(int(c * (1 + amount)) for c in (r, g, b)) + (a,)


# ---------------------------------------------------------------- floors (opaque)

def planks(base, vertical=False, seed=1):
    rng = random.Random(seed)
    p = Pen(background=base)
    for i in range(4):
        tone = shade(base, rng.uniform(-0.08, 0.06))
        if vertical:
            p.rect(i * 8, 0, i * 8 + 8, 32, tone)
            p.line([(i * 8, 0), (i * 8, 32)], shade(base, -0.25))
            cut = rng.choice([6, 14, 22, 26])
            p.line([(i * 8, cut), (i * 8 + 8, cut)], shade(base, -0.25))
        else:
            p.rect(0, i * 8, 32, i * 8 + 8, tone)
            p.line([(0, i * 8), (32, i * 8)], shade(base, -0.25))
            cut = (i * 13 + 7) % 32
            p.line([(cut, i * 8), (cut, i * 8 + 8)], shade(base, -0.25))
    return p.finish()


def carpet(base, seed):
    rng = random.Random(seed)
    p = Pen(background=base)
    for _ in range(26):
        x, y = rng.randrange(32), rng.randrange(32)
        p.rect(x, y, x + 1, y + 1, shade(base, rng.choice([-0.1, 0.08])))
    return p.finish()


def floor_tiles(light, dark):
    p = Pen(background=light)
    p.rect(16, 0, 32, 16, dark)
    p.rect(0, 16, 16, 32, dark)
    grout = shade(dark, -0.15)
    p.line([(0, 0), (32, 0)], grout)
    p.line([(0, 0), (0, 32)], grout)
    p.line([(16, 0), (16, 32)], grout)
    p.line([(0, 16), (32, 16)], grout)
    return p.finish()


def grass(flowers=False, seed=3):
    rng = random.Random(seed)
    base = (126, 186, 104, 255)
    p = Pen(background=base)
    for _ in range(14):
        x, y = rng.uniform(2, 30), rng.uniform(4, 30)
        blade = shade(base, rng.choice([-0.18, 0.15]))
        p.line([(x, y), (x - 1, y - 3)], blade)
        p.line([(x, y), (x + 1, y - 3)], blade)
    if flowers:
        for colour in [(255, 236, 120, 255), (255, 170, 190, 255), (255, 255, 255, 255)]:
            x, y = rng.uniform(4, 26), rng.uniform(4, 26)
            p.ellipse(x, y, x + 4, y + 4, colour)
            p.ellipse(x + 1.3, y + 1.3, x + 2.7, y + 2.7, (240, 160, 60, 255))
    return p.finish()


def stone():
    base = (200, 196, 188, 255)
    p = Pen(background=base)
    edge = shade(base, -0.2)
    for x0, y0, x1, y1 in [(0, 0, 14, 12), (14, 0, 32, 12), (0, 12, 20, 22), (20, 12, 32, 22),
                           (0, 22, 10, 32), (10, 22, 32, 32)]:
        p.rect(x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5, shade(base, 0.05 * ((x0 + y0) % 3 - 1)),
               edge, radius=2)
    return p.finish()


def water():
    base = (96, 166, 222, 255)
    p = Pen(background=base)
    for y in (7, 17, 27):
        for x in (2, 18):
            p.line([(x, y), (x + 4, y - 2), (x + 8, y)], shade(base, 0.35))
    return p.finish()


def stage_floor():
    img = planks((120, 84, 70, 255), vertical=True, seed=7)
    p = Pen()
    p.img.paste(img.resize((TILE * SCALE,) * 2), (0, 0))
    p.line([(0, 1), (32, 1)], (226, 190, 110, 255))
    return p.finish()


# ---------------------------------------------------------------- walls and doors

def wall_top():
    p = Pen(background=WALL_CAP)
    p.rect(0, 0, 32, 32, WALL_CAP, shade(WALL_CAP, 0.18))
    return p.finish()


def wall_face(window=False):
    p = Pen(background=WALL_FACE)
    p.rect(0, 0, 32, 9, WALL_CAP)
    p.line([(0, 9), (32, 9)], shade(WALL_CAP, 0.3))
    p.rect(0, 27, 32, 32, shade(WALL_FACE, -0.3))
    for y in (15, 21):
        p.line([(0, y), (32, y)], shade(WALL_FACE, -0.06))
    if window:
        p.rect(6, 11, 26, 25, (170, 214, 240, 255), (255, 255, 255, 255), 2)
        p.line([(16, 11), (16, 25)], (255, 255, 255, 255), 1)
        p.line([(9, 22), (14, 14)], (220, 240, 252, 255), 1)
    return p.finish()


def door():
    p = Pen(background=WALL_CAP)
    p.rect(3, 0, 29, 32, (168, 120, 84, 255))
    p.rect(5, 2, 27, 32, planks((214, 176, 128, 255), vertical=True, seed=5).getpixel((3, 3)))
    p.rect(5, 24, 27, 32, (150, 146, 140, 255))
    p.line([(5, 24), (27, 24)], (110, 106, 100, 255))
    return p.finish()


# ---------------------------------------------------------------- furniture (transparent)

def desk(laptop=False):
    p = Pen()
    p.rect(2, 6, 30, 26, WOOD, OUTLINE, radius=2)
    p.rect(3, 22, 29, 25, shade(WOOD, -0.2))
    if laptop:
        p.rect(9, 9, 23, 17, (70, 80, 100, 255), OUTLINE, radius=1)
        p.rect(10, 10, 22, 16, (140, 200, 240, 255))
        p.rect(8, 17, 24, 20, (190, 194, 204, 255), OUTLINE, radius=1)
    else:
        p.rect(6, 10, 14, 18, (250, 250, 245, 255), shade(OUTLINE, 0.5))
        p.ellipse(20, 10, 26, 16, (240, 110, 90, 255), OUTLINE)
    return p.finish()


def table_half(side):
    p = Pen()
    x0, x1 = (3, 33) if side == "left" else (-1, 29)
    p.rect(x0, 5, x1, 27, WOOD, OUTLINE, radius=3)
    p.rect(x0 + 1, 23, x1 - 1, 26, shade(WOOD, -0.2))
    if side == "left":
        p.rect(10, 10, 18, 16, (255, 236, 140, 255))
    else:
        p.ellipse(10, 10, 16, 16, (255, 255, 255, 255), OUTLINE)
    return p.finish()


def chair(facing):
    p = Pen()
    seat = (108, 142, 196, 255)
    p.rect(8, 10, 24, 26, seat, OUTLINE, radius=3)
    back = (8, 4, 24, 10) if facing == "down" else (8, 22, 24, 28)
    p.rect(*back, shade(seat, -0.25), OUTLINE, radius=2)
    return p.finish()


def round_table():
    p = Pen()
    p.ellipse(3, 4, 29, 28, shade(OUTLINE, 0.3))
    p.ellipse(3, 3, 29, 27, WOOD, OUTLINE)
    p.ellipse(11, 10, 17, 16, (255, 255, 255, 255), OUTLINE)
    return p.finish()


def plant(tall=False):
    p = Pen()
    p.rect(10, 21, 22, 30, (206, 116, 78, 255), OUTLINE, radius=2)
    leaf, dark = (86, 168, 92, 255), (58, 128, 72, 255)
    if tall:
        for box in [(6, 2, 20, 16), (13, 0, 27, 14), (8, 9, 24, 23)]:
            p.ellipse(*box, dark, OUTLINE)
        p.ellipse(11, 4, 21, 14, leaf)
    else:
        for box in [(5, 9, 17, 21), (15, 9, 27, 21), (10, 4, 22, 16)]:
            p.ellipse(*box, leaf, OUTLINE)
        p.ellipse(13, 8, 19, 14, shade(leaf, 0.25))
    return p.finish()


def sofa(part):
    p = Pen()
    body = (222, 128, 106, 255)
    x0 = 2 if part == "left" else -1
    x1 = 30 if part == "right" else 33
    p.rect(x0, 4, x1, 28, body, OUTLINE, radius=3)
    p.rect(x0 + 1, 12, x1 - 1, 27, shade(body, 0.18))
    if part == "left":
        p.rect(2, 4, 8, 28, shade(body, -0.15), OUTLINE, radius=3)
    if part == "right":
        p.rect(24, 4, 30, 28, shade(body, -0.15), OUTLINE, radius=3)
    return p.finish()


def counter(part, top, front, sign=None):
    p = Pen()
    x0 = 2 if part == "left" else -1
    x1 = 30 if part == "right" else 33
    p.rect(x0, 6, x1, 28, front, OUTLINE, radius=2)
    p.rect(x0, 6, x1, 14, top, OUTLINE, radius=2)
    if sign:
        sign(p)
    return p.finish()


def checkin_sign(p):
    p.rect(8, 17, 24, 25, (255, 255, 255, 255), OUTLINE, radius=1)
    p.line([(11, 21), (14, 23), (21, 18)], (60, 170, 90, 255), 2)


def booth(part):
    p = Pen()
    x0 = 2 if part == "left" else -1
    x1 = 30 if part == "right" else 33
    p.rect(x0, 2, x1, 30, (250, 232, 170, 255), OUTLINE, radius=3)
    rng = random.Random(11 if part == "left" else 12)
    colours = [(240, 100, 120, 255), (90, 170, 240, 255), (120, 200, 110, 255),
               (255, 190, 70, 255), (170, 120, 220, 255)]
    for i in range(6):
        x, y = rng.uniform(max(x0, 0) + 2, min(x1, 32) - 9), rng.uniform(5, 20)
        if i % 2:
            p.ellipse(x, y, x + 7, y + 7, colours[i % 5], OUTLINE)
        else:
            p.poly([(x + 3.5, y), (x + 7, y + 7), (x, y + 7)], colours[i % 5], OUTLINE)
    return p.finish()


def lectern():
    p = Pen()
    p.rect(8, 8, 24, 28, WOOD_DARK, OUTLINE, radius=2)
    p.poly([(6, 6), (26, 6), (24, 13), (8, 13)], shade(WOOD_DARK, 0.25), OUTLINE)
    p.ellipse(14, 17, 18, 21, (226, 190, 110, 255), OUTLINE)
    p.line([(21, 6), (24, 1)], OUTLINE, 1)
    p.ellipse(23, 0, 26, 3, (60, 60, 60, 255))
    return p.finish()


def whiteboard():
    p = Pen(background=WALL_FACE)
    p.rect(0, 0, 32, 9, WALL_CAP)
    p.rect(2, 10, 30, 27, (252, 252, 252, 255), (150, 156, 170, 255), 2)
    p.line([(6, 15), (18, 15)], (70, 110, 200, 255))
    p.line([(6, 19), (24, 19)], (220, 80, 80, 255))
    p.line([(6, 23), (14, 23)], (70, 110, 200, 255))
    p.rect(0, 28, 32, 32, shade(WALL_FACE, -0.3))
    return p.finish()


def screen(part):
    p = Pen(background=WALL_FACE)
    p.rect(0, 0, 32, 9, WALL_CAP)
    p.rect(0, 28, 32, 32, shade(WALL_FACE, -0.3))
    x0 = 2 if part == "left" else 0
    x1 = 30 if part == "right" else 32
    p.rect(x0, 7, x1, 26, (40, 44, 60, 255))
    p.rect(x0 + 1, 9, x1 - 1, 24, (90, 150, 220, 255))
    if part == "mid":
        p.poly([(12, 12), (21, 16.5), (12, 21)], (255, 255, 255, 255))
    return p.finish()


def stairs(up):
    p = Pen(background=(176, 170, 160, 255))
    for i in range(6):
        y = i * 5 + 1
        tone = shade((200, 194, 184, 255), (i if up else 5 - i) * -0.05)
        p.rect(2, y, 30, y + 5, tone, shade(tone, -0.3))
    p.rect(0, 0, 2, 32, WOOD_DARK)
    p.rect(30, 0, 32, 32, WOOD_DARK)
    arrow = [(16, 8), (21, 14), (11, 14)] if up else [(16, 24), (21, 18), (11, 18)]
    p.poly(arrow, (255, 255, 255, 230))
    return p.finish()


def bookshelf():
    p = Pen()
    p.rect(1, 2, 31, 30, WOOD_DARK, OUTLINE, radius=1)
    colours = [(200, 80, 80, 255), (80, 130, 200, 255), (230, 190, 80, 255),
               (110, 170, 110, 255), (150, 110, 180, 255)]
    for row, y in enumerate((4, 16)):
        x = 3
        for i in range(6):
            w = 3 + (i + row) % 2
            p.rect(x, y + (i % 3), x + w, y + 10, colours[(i + row * 2) % 5])
            x += w + 0.5
    return p.finish()


def notice_board():
    p = Pen(background=WALL_FACE)
    p.rect(0, 0, 32, 9, WALL_CAP)
    p.rect(0, 28, 32, 32, shade(WALL_FACE, -0.3))
    p.rect(2, 9, 30, 27, (196, 150, 100, 255), WOOD_DARK, 2)
    for x, y, c in [(5, 12, (255, 250, 160)), (15, 11, (255, 255, 255)), (8, 19, (170, 220, 255)),
                    (19, 18, (255, 200, 220))]:
        p.rect(x, y, x + 8, y + 6, c + (255,))
        p.ellipse(x + 3, y - 1, x + 5, y + 1, (220, 60, 60, 255))
    return p.finish()


def lamp():
    p = Pen()
    p.ellipse(11, 24, 21, 29, (80, 80, 90, 255))
    p.line([(16, 26), (16, 12)], (80, 80, 90, 255), 2)
    p.ellipse(8, 3, 24, 17, (255, 236, 170, 255), OUTLINE)
    return p.finish()


def balloons():
    p = Pen()
    for x, y, c in [(4, 3, (240, 90, 110)), (14, 1, (90, 160, 240)), (11, 10, (255, 200, 70))]:
        p.line([(x + 6, y + 14), (16, 30)], (120, 120, 120, 255))
        p.ellipse(x, y, x + 12, y + 14, c + (255,), OUTLINE)
        p.ellipse(x + 3, y + 3, x + 5, y + 6, (255, 255, 255, 200))
    return p.finish()


def raffle_drum():
    p = Pen()
    p.rect(6, 24, 26, 30, WOOD_DARK, OUTLINE)
    p.line([(8, 24), (10, 16)], OUTLINE, 2)
    p.line([(24, 24), (22, 16)], OUTLINE, 2)
    p.ellipse(5, 4, 27, 22, (250, 210, 90, 255), OUTLINE)
    p.ellipse(9, 8, 23, 18, (255, 240, 190, 255))
    for x, y in [(12, 11), (17, 13), (14, 15)]:
        p.rect(x, y, x + 3, y + 2, (230, 90, 90, 255))
    p.line([(27, 13), (31, 13)], OUTLINE, 2)
    return p.finish()


def collision_marker():
    p = Pen()
    p.rect(0, 0, 32, 32, (230, 40, 60, 90), (230, 40, 60, 200))
    p.line([(4, 4), (28, 28)], (230, 40, 60, 200), 2)
    p.line([(28, 4), (4, 28)], (230, 40, 60, 200), 2)
    return p.finish()


def rug(base, border, col, row):
    """One piece of a 3x3 rug: opaque and edge to edge, so it sits in the floor layer over any
    floor; a border band runs along the rug's outer sides."""
    p = Pen(background=base)
    band = 4
    if col == 0:
        p.rect(0, 0, band, 32, border)
    if col == 2:
        p.rect(32 - band, 0, 32, 32, border)
    if row == 0:
        p.rect(0, 0, 32, band, border)
    if row == 2:
        p.rect(0, 32 - band, 32, 32, border)
    for x in range(2, 32, 8):
        for y in range(2, 32, 8):
            p.rect(x + 2, y + 2, x + 3, y + 3, shade(base, 0.1))
    return p.finish()


def rug_set(prefix, base, border):
    names = ["nw", "n", "ne", "w", "c", "e", "sw", "s", "se"]
    return [(f"{prefix}_{names[r * 3 + c]}", lambda c=c, r=r: rug(base, border, c, r), False)
            for r in range(3) for c in range(3)]


# name, painter, collides. The order is the tile id order; maps refer to tiles by "name".
TILES = [
    ("wood", lambda: planks(WOOD, seed=1), False),
    ("wood_dark", lambda: planks(WOOD_DARK, seed=2), False),
    ("carpet_red", lambda: carpet((196, 84, 92, 255), 1), False),
    ("carpet_blue", lambda: carpet((92, 124, 190, 255), 2), False),
    ("carpet_green", lambda: carpet((96, 160, 124, 255), 3), False),
    ("tiles", lambda: floor_tiles((236, 232, 222, 255), (210, 204, 192, 255)), False),
    ("grass", lambda: grass(False, 3), False),
    ("grass_flowers", lambda: grass(True, 4), False),
    ("stage", stage_floor, False),
    ("stone", stone, False),
    ("water", water, True),
    ("tiles_dark", lambda: floor_tiles((120, 124, 140, 255), (98, 102, 118, 255)), False),
    ("wall_top", wall_top, True),
    ("wall", wall_face, True),
    ("wall_window", lambda: wall_face(True), True),
    ("door", door, False),
    ("desk", desk, True),
    ("desk_laptop", lambda: desk(True), True),
    ("table_left", lambda: table_half("left"), True),
    ("table_right", lambda: table_half("right"), True),
    ("chair_down", lambda: chair("down"), False),
    ("chair_up", lambda: chair("up"), False),
    ("table_round", round_table, True),
    ("plant", plant, True),
    ("plant_tall", lambda: plant(True), True),
    ("sofa_left", lambda: sofa("left"), False),
    ("sofa_mid", lambda: sofa("mid"), False),
    ("sofa_right", lambda: sofa("right"), False),
    ("checkin_left", lambda: counter("left", (250, 250, 250, 255), (80, 150, 200, 255)), True),
    ("checkin_mid", lambda: counter("mid", (250, 250, 250, 255), (80, 150, 200, 255),
                                    checkin_sign), True),
    ("checkin_right", lambda: counter("right", (250, 250, 250, 255), (80, 150, 200, 255)), True),
    ("booth_left", lambda: booth("left"), True),
    ("booth_right", lambda: booth("right"), True),
    ("lectern", lectern, True),
    ("whiteboard", whiteboard, True),
    ("screen_left", lambda: screen("left"), True),
    ("screen_mid", lambda: screen("mid"), True),
    ("screen_right", lambda: screen("right"), True),
    ("stairs_up", lambda: stairs(True), False),
    ("stairs_down", lambda: stairs(False), False),
    ("bookshelf", bookshelf, True),
    ("notice_board", notice_board, True),
    ("lamp", lamp, True),
    ("balloons", balloons, True),
    ("raffle_drum", raffle_drum, True),
    ("collision", collision_marker, True),
] + rug_set("rug_red", (188, 72, 70, 255), (236, 196, 110, 255)) \
  + rug_set("rug_blue", (70, 104, 170, 255), (236, 232, 214, 255)) \
  + [("table_mid", lambda: table_mid(), True)]


def table_mid():
    p = Pen()
    p.rect(-1, 5, 33, 27, WOOD, OUTLINE, radius=0)
    p.rect(0, 23, 32, 26, shade(WOOD, -0.2))
    return p.finish()


def build_tileset():
    rows = (len(TILES) + COLUMNS - 1) // COLUMNS
    sheet = Image.new("RGBA", (COLUMNS * TILE, rows * TILE), (0, 0, 0, 0))
    tiles_json = []
    for i, (name, paint, collides) in enumerate(TILES):
        sheet.paste(paint(), ((i % COLUMNS) * TILE, (i // COLUMNS) * TILE))
        tiles_json.append({"id": i, "properties": [
            {"name": "collides", "type": "bool", "value": collides},
            {"name": "name", "type": "string", "value": name}]})
    out = ASSETS / "tilesets"
    out.mkdir(parents=True, exist_ok=True)
    sheet.save(out / "moim.png", optimize=True)
    tileset = {
        "type": "tileset", "version": "1.10", "tiledversion": "1.10.2", "name": "moim",
        "image": "moim.png", "imagewidth": sheet.width, "imageheight": sheet.height,
        "tilewidth": TILE, "tileheight": TILE, "tilecount": len(TILES), "columns": COLUMNS,
        "margin": 0, "spacing": 0, "tiles": tiles_json,
    }
    (out / "moim.tsj").write_text(json.dumps(tileset, indent=1) + "\n")


# ---------------------------------------------------------------- avatars

DIRECTIONS = ["down", "left", "right", "up"]
INK = (70, 70, 78, 255)


def avatar_geometry(frame):
    """Vertical bob and leg offsets for walk frame 0 (stand), 1 and 2."""
    bob = 0 if frame == 0 else -1
    legs = {0: (0, 0), 1: (-2, 1), 2: (1, -2)}[frame]
    return bob, legs


def draw_body(p, direction, frame):
    bob, (left_leg, right_leg) = avatar_geometry(frame)
    skin, shirt, trousers = (255, 255, 255, 255), (236, 236, 236, 255), (170, 170, 176, 255)
    p.ellipse(9, 28, 23, 31, (0, 0, 0, 70))  # shadow stays put while the body bobs
    if direction in ("down", "up"):
        p.rect(11, 22 + bob + left_leg, 15, 29 + bob, trousers, INK, radius=1)
        p.rect(17, 22 + bob + right_leg, 21, 29 + bob, trousers, INK, radius=1)
    else:
        p.rect(13 + left_leg, 22 + bob, 17 + left_leg, 29 + bob, trousers, INK, radius=1)
        p.rect(15 + right_leg, 22 + bob, 19 + right_leg, 29 + bob, shade(trousers, -0.1), INK,
               radius=1)
    p.rect(9, 14 + bob, 23, 25 + bob, shirt, INK, radius=4)
    p.ellipse(7, 2 + bob, 25, 18 + bob, skin, INK)
    eye = (40, 40, 48, 255)
    if direction == "down":
        p.ellipse(11.5, 9 + bob, 14, 12 + bob, eye)
        p.ellipse(18, 9 + bob, 20.5, 12 + bob, eye)
    elif direction == "left":
        p.ellipse(9.5, 9 + bob, 12, 12 + bob, eye)
    elif direction == "right":
        p.ellipse(20, 9 + bob, 22.5, 12 + bob, eye)
    else:
        p.rect(12, 4 + bob, 20, 6 + bob, (225, 225, 225, 255), radius=1)


def draw_graduation(p, direction, frame):
    """Cap and gown: what every checked-in graduate wears."""
    bob, _ = avatar_geometry(frame)
    gown, gold, cap = (44, 52, 92, 255), (240, 196, 70, 255), (30, 30, 40, 255)
    p.rect(8, 14 + bob, 24, 27 + bob, gown, INK, radius=4)  # gown over shirt, longer
    if direction != "up":
        p.poly([(13, 14 + bob), (19, 14 + bob), (16, 18 + bob)], (255, 255, 255, 255))
    p.rect(9, 4 + bob, 23, 8 + bob, cap, radius=1)  # cap band
    p.poly([(4, 4 + bob), (16, -1 + bob), (28, 4 + bob), (16, 8 + bob)], cap, INK)
    tassel_x = 25 if direction != "left" else 7
    p.line([(16, 3 + bob), (tassel_x, 4 + bob), (tassel_x, 10 + bob)], gold, 1)
    p.ellipse(tassel_x - 1, 9 + bob, tassel_x + 1, 12 + bob, gold)


def draw_ribbon(p, direction, frame):
    """The sash in white: the client tints it with the graduate's sticker colour."""
    bob, _ = avatar_geometry(frame)
    if direction != "up":
        p.line([(9, 15 + bob), (22, 25 + bob)], (255, 255, 255, 255), 3)
    else:
        p.line([(22, 15 + bob), (9, 25 + bob)], (255, 255, 255, 255), 3)


def draw_medal(p, direction, frame):
    """A gold medal on a cord: the sticker card is complete."""
    bob, _ = avatar_geometry(frame)
    gold = (240, 196, 70, 255)
    if direction == "down":
        p.line([(13, 14 + bob), (16, 20 + bob), (19, 14 + bob)], gold, 1)
        p.ellipse(14, 19 + bob, 18, 23 + bob, gold, INK)
    elif direction in ("left", "right"):
        x = 12 if direction == "left" else 16
        p.ellipse(x, 19 + bob, x + 4, 23 + bob, gold, INK)


def build_sheet(painter, filename):
    sheet = Image.new("RGBA", (3 * TILE, 4 * TILE), (0, 0, 0, 0))
    for row, direction in enumerate(DIRECTIONS):
        for frame in range(3):
            p = Pen()
            painter(p, direction, frame)
            sheet.paste(p.finish(), (frame * TILE, row * TILE))
    out = ASSETS / "sprites"
    out.mkdir(parents=True, exist_ok=True)
    sheet.save(out / filename, optimize=True)


def main():
    build_tileset()
    build_sheet(draw_body, "avatar.png")
    build_sheet(draw_graduation, "graduation.png")
    build_sheet(draw_ribbon, "graduation-ribbon.png")
    build_sheet(draw_medal, "graduation-medal.png")
    print(f"wrote {len(TILES)} tiles and 4 sprite sheets into {ASSETS}")


if __name__ == "__main__":
    main()
