#!/usr/bin/env python3
"""Generates moim's shipped maps as Tiled JSON (.tmj) in maps/. Deterministic.

    python3 tools/gen_maps.py

Re-running overwrites every map, including edits made in Tiled; the script is a starting point.
Tiles are referred to by their "name" property in assets/tilesets/moim.tsj (written by
tools/gen_assets.py), so the tileset can grow without renumbering here. Before writing, every
map is checked: each zone must have a walkable tile reachable from the map's first spawn.
"""
import json
import random
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TILESET = ROOT / "assets" / "tilesets" / "moim.tsj"
MAPS = ROOT / "maps"
TILE = 32


def load_tiles():
    """name -> (gid, collides) from the external tileset (firstgid 1)."""
    tiles = {}
    for tile in json.loads(TILESET.read_text())["tiles"]:
        props = {p["name"]: p["value"] for p in tile["properties"]}
        tiles[props["name"]] = (tile["id"] + 1, bool(props.get("collides")))
    return tiles


TILES = load_tiles()


class Room:
    """One map being drawn: two drawing layers, a collision layer and zone rectangles (in tiles)."""

    def __init__(self, stem, width, height, display_name, floor):
        self.stem, self.w, self.h, self.display_name = stem, width, height, display_name
        self.layers = {name: [0] * (width * height) for name in ("floor", "furniture", "collision")}
        self.zones = []
        self.fill(floor, 0, 0, width, height)
        self.outer_walls()

    # -- drawing
    def set(self, layer, name, x, y):
        self.layers[layer][y * self.w + x] = TILES[name][0] if name else 0

    def fill(self, name, x, y, w, h, layer="floor"):
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                self.set(layer, name, xx, yy)

    def put(self, name, x, y):
        self.set("furniture", name, x, y)

    def row(self, names, x, y):
        for i, name in enumerate(names):
            self.put(name, x + i, y)

    def outer_walls(self):
        """Two rows at the top (cap, then the wall's face), a cap ring elsewhere."""
        self.fill("wall_top", 0, 0, self.w, 1)
        self.fill("wall", 1, 1, self.w - 2, 1)
        self.fill("wall_top", 0, 0, 1, self.h)
        self.fill("wall_top", self.w - 1, 0, 1, self.h)
        self.fill("wall_top", 0, self.h - 1, self.w, 1)

    def windows(self, xs):
        for x in xs:
            self.set("floor", "wall_window", x, 1)

    def rug(self, colour, x, y, w, h):
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                v = "n" if yy == y else "s" if yy == y + h - 1 else ""
                u = "w" if xx == x else "e" if xx == x + w - 1 else ""
                self.set("floor", f"rug_{colour}_{v + u or 'c'}", xx, yy)

    def door(self, x, y, w=1, h=1):
        self.fill("door", x, y, w, h)
        if y == 1:  # a door in the top wall goes through the cap row above it too
            self.fill("door", x, 0, w, 1)

    def plants(self, *points):
        for i, (x, y) in enumerate(points):
            self.put("plant_tall" if i % 2 else "plant", x, y)

    # -- zones
    def zone(self, cls, name, x, y, w=1, h=1, **props):
        self.zones.append((cls, name, (x, y, w, h), props))

    def portal(self, name, rect, target_room, target_spawn):
        self.zone("portal", name, *rect, target_room=target_room, target_spawn=target_spawn)

    # -- checks and output
    def walkable(self, x, y):
        if not (0 <= x < self.w and 0 <= y < self.h):
            return False
        i = y * self.w + x
        if self.layers["collision"][i]:
            return False
        for layer in ("floor", "furniture"):
            gid = self.layers[layer][i]
            if gid and any(g == gid and c for g, c in TILES.values()):
                return False
        return True

    def check(self):
        spawns = [z for z in self.zones if z[0] == "spawn"]
        assert spawns, f"{self.stem}: no spawn"
        sx, sy, sw, sh = spawns[0][2]
        start = next((x, y) for y in range(sy, sy + sh) for x in range(sx, sx + sw)
                     if self.walkable(x, y))
        seen, todo = {start}, deque([start])
        while todo:
            x, y = todo.popleft()
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if (nx, ny) not in seen and self.walkable(nx, ny):
                    seen.add((nx, ny))
                    todo.append((nx, ny))
        for cls, name, (x, y, w, h), _ in self.zones:
            tiles = {(xx, yy) for xx in range(x, x + w) for yy in range(y, y + h)}
            assert tiles & seen, f"{self.stem}: {cls} zone {name!r} is unreachable"

    def to_json(self):
        def tile_layer(layer_id, name, visible=True, opacity=1.0):
            return {"id": layer_id, "name": name, "type": "tilelayer", "visible": visible,
                    "opacity": opacity, "x": 0, "y": 0, "width": self.w, "height": self.h,
                    "data": self.layers[name]}

        objects = []
        for i, (cls, name, (x, y, w, h), props) in enumerate(self.zones, start=1):
            obj = {"id": i, "name": name, "class": cls, "type": cls, "x": x * TILE, "y": y * TILE,
                   "width": w * TILE, "height": h * TILE, "rotation": 0, "visible": True}
            if props:
                obj["properties"] = [{"name": k, "type": "string", "value": v}
                                     for k, v in sorted(props.items())]
            objects.append(obj)
        zones = {"id": 4, "name": "zones", "type": "objectgroup", "draworder": "topdown",
                 "visible": True, "opacity": 1, "x": 0, "y": 0, "objects": objects}
        return {
            "type": "map", "version": "1.10", "tiledversion": "1.10.2",
            "orientation": "orthogonal", "renderorder": "right-down", "infinite": False,
            "compressionlevel": -1, "width": self.w, "height": self.h,
            "tilewidth": TILE, "tileheight": TILE, "nextlayerid": 5,
            "nextobjectid": len(objects) + 1,
            "properties": [{"name": "display_name", "type": "string", "value": self.display_name}],
            "tilesets": [{"firstgid": 1, "source": "../assets/tilesets/moim.tsj"}],
            "layers": [tile_layer(1, "floor"), tile_layer(2, "furniture"),
                       tile_layer(3, "collision", visible=False, opacity=0.5), zones],
        }

    def write(self):
        self.check()
        MAPS.mkdir(exist_ok=True)
        text = json.dumps(self.to_json(), separators=(",", ":"))
        (MAPS / f"{self.stem}.tmj").write_text(text + "\n")


def sofa_corner(room, name, x, y):
    """A 7x5 private corner: sofa along the back, a table, two chairs facing it."""
    room.rug("red", x, y, 7, 5)
    room.row(["sofa_left", "sofa_mid", "sofa_mid", "sofa_mid", "sofa_right"], x + 1, y + 1)
    room.row(["chair_down", "table_round", "chair_down"], x + 2, y + 3)
    room.put("lamp", x, y)
    room.zone("private", name, x, y, 7, 5)


def lobby():
    r = Room("lobby", 48, 32, "Lobby", "wood")
    r.windows([4, 8, 12, 35, 39, 43])
    # Notice board on the north wall with a blue rug in front of it.
    r.fill("notice_board", 21, 1, 6, 1)
    r.rug("blue", 20, 2, 8, 4)
    r.plants((19, 2), (28, 2))
    # The central plaza where everyone arrives.
    r.rug("red", 17, 11, 14, 9)
    r.zone("spawn", "main", 20, 13, 8, 5)
    r.plants((16, 11), (31, 11), (16, 19), (31, 19))
    # Doors: study room west, hall east, graduation venue south.
    r.door(0, 14, 1, 3)
    r.portal("to-study-room", (0, 14, 1, 3), "study-room", "main")
    r.zone("spawn", "from-study-room", 2, 14, 3, 3)
    r.door(47, 14, 1, 3)
    r.portal("to-hall", (47, 14, 1, 3), "hall", "main")
    r.zone("spawn", "from-hall", 43, 14, 3, 3)
    r.door(22, 31, 4, 1)
    r.portal("to-graduation", (22, 31, 4, 1), "graduation-1f", "entrance")
    r.zone("spawn", "from-graduation", 21, 27, 6, 3)
    r.fill("stone", 21, 27, 6, 4)
    # Sofa corners for small private conversations.
    sofa_corner(r, "sofa-west", 2, 3)
    sofa_corner(r, "sofa-east", 39, 3)
    # A quiet library corner in the south-west.
    r.fill("carpet_green", 1, 21, 13, 10)
    r.row(["bookshelf"] * 4, 1, 21)
    r.row(["bookshelf"] * 4, 8, 21)
    for x in (3, 9):
        r.row(["desk", "desk_laptop"], x, 25)
        r.row(["chair_up", "chair_up"], x, 26)
    r.plants((1, 29), (12, 29))
    r.zone("quiet", "library", 1, 21, 13, 10)
    # A café corner in the south-east.
    r.fill("tiles", 34, 21, 13, 10)
    for x, y in ((37, 23), (43, 23), (37, 28), (43, 28)):
        r.row(["chair_down", "table_round", "chair_down"], x - 1, y)
    r.plants((46, 21), (34, 30), (46, 30))
    return r


def study_room():
    r = Room("study-room", 32, 24, "Study room", "wood")
    r.fill("whiteboard", 3, 1, 3, 1)
    r.fill("whiteboard", 11, 1, 3, 1)
    r.windows([19, 23, 27])
    tables = [(3, 6), (11, 6), (19, 6), (3, 16), (11, 16), (19, 16)]
    for n, (x, y) in enumerate(tables, start=1):
        r.rug("blue", x - 1, y - 2, 5, 5)
        r.row(["table_left", "table_mid", "table_right"], x, y)
        r.row(["chair_down"] * 3, x, y - 1)
        r.row(["chair_up"] * 3, x, y + 1)
        r.zone("private", f"table-{n}", x - 1, y - 2, 5, 5)
    r.door(31, 10, 1, 3)
    r.portal("to-lobby", (31, 10, 1, 3), "lobby", "from-study-room")
    r.zone("spawn", "main", 26, 9, 4, 5)
    r.row(["bookshelf"] * 3, 26, 2)
    r.plants((30, 2), (1, 22), (30, 22), (1, 11))
    return r


def hall():
    r = Room("hall", 48, 36, "Tech talk hall", "wood_dark")
    # The stage: screen on the wall, lectern at the side.
    r.fill("stage", 12, 2, 24, 6)
    r.fill("screen_mid", 18, 1, 12, 1)
    r.set("floor", "screen_left", 17, 1)
    r.set("floor", "screen_right", 30, 1)
    r.put("lectern", 15, 4)
    r.plants((12, 2), (35, 2))
    r.zone("stage", "stage", 12, 2, 24, 6)
    # Audience: two blocks of ten seats, six rows, an aisle in the middle.
    r.fill("carpet_red", 10, 9, 28, 14)
    for row in range(6):
        y = 10 + row * 2
        for col in range(20):
            x = 11 + col if col < 10 else 17 + col
            r.put("chair_up", x, y)
            r.zone("seat", f"seat-{row + 1}-{col + 1}", x, y)
    # Back of the room: where people arrive, and the door to the lobby.
    r.rug("blue", 17, 28, 14, 6)
    r.zone("spawn", "main", 19, 29, 10, 4)
    r.door(22, 35, 4, 1)
    r.portal("to-lobby", (22, 35, 4, 1), "lobby", "from-hall")
    # Office hours: four small tables in the south-west corner.
    r.fill("carpet_green", 1, 24, 13, 11)
    for n, (x, y) in enumerate([(4, 26), (10, 26), (4, 31), (10, 31)], start=1):
        r.row(["chair_down", "table_round", "chair_down"], x - 1, y)
        r.zone("private", f"office-{n}", x - 2, y - 1, 5, 3)
    r.fill("whiteboard", 2, 1, 3, 1)
    r.plants((1, 2), (46, 2), (46, 34), (14, 34), (33, 34))
    # Refreshments in the south-east.
    r.fill("tiles", 35, 26, 12, 9)
    r.row(["table_left", "table_mid", "table_mid", "table_right"], 39, 27)
    r.row(["chair_down", "table_round", "chair_down"], 38, 31)
    r.row(["chair_down", "table_round", "chair_down"], 42, 31)
    return r


def venue_floor(stem, display_name):
    r = Room(stem, 56, 40, display_name, "tiles")
    r.windows(range(4, 44, 5))
    return r


def graduation_1f():
    r = venue_floor("graduation-1f", "Graduation · ground floor")
    # The entrance doubles as the way back to the lobby.
    r.door(26, 39, 4, 1)
    r.portal("to-lobby", (26, 39, 4, 1), "lobby", "from-graduation")
    r.fill("carpet_red", 26, 30, 4, 9)
    r.zone("spawn", "entrance", 25, 35, 6, 3)
    r.put("balloons", 24, 37)
    r.put("balloons", 31, 37)
    # Check-in desk just inside, with room to walk around either end.
    r.row(["checkin_left"] + ["checkin_mid"] * 6 + ["checkin_right"], 24, 29)
    r.zone("checkin", "checkin", 24, 29, 8, 3)
    # Sticker booth on the east side.
    r.fill("carpet_blue", 42, 27, 9, 7)
    r.row(["booth_left", "booth_right"], 45, 28)
    r.row(["booth_left", "booth_right"], 47, 28)
    r.zone("sticker-booth", "sticker-booth", 42, 27, 9, 7)
    # Stairs to the first floor in the north-east corner.
    r.fill("stone", 46, 2, 9, 6)
    r.fill("stairs_up", 49, 2, 3, 2)
    r.portal("stairs", (49, 2, 3, 2), "graduation-2f", "stairs-down")
    r.zone("spawn", "stairs-up", 48, 5, 5, 2)
    # Open floor for mingling: rugs, high tables, balloons.
    r.rug("red", 8, 6, 16, 10)
    r.rug("blue", 28, 8, 12, 10)
    for x, y in ((11, 9), (17, 9), (11, 13), (17, 13), (31, 11), (35, 14)):
        r.put("table_round", x, y)
    for x, y in ((10, 21), (20, 22), (34, 22), (44, 20)):
        r.row(["chair_down", "table_round", "chair_down"], x - 1, y)
    sofa_corner(r, "lounge", 2, 20)
    r.fill("notice_board", 4, 1, 4, 1)
    r.fill("grass_flowers", 1, 30, 8, 9)
    r.plants((1, 30), (4, 33), (7, 30), (2, 37), (54, 37), (45, 37), (1, 2), (44, 2))
    r.put("balloons", 24, 2)
    r.put("balloons", 31, 2)
    return r


def graduation_2f():
    r = venue_floor("graduation-2f", "Graduation · ceremony floor")
    # The ceremony stage: screen, lectern and the raffle drum.
    r.fill("stage", 14, 2, 26, 7)
    r.fill("screen_mid", 20, 1, 14, 1)
    r.set("floor", "screen_left", 19, 1)
    r.set("floor", "screen_right", 34, 1)
    r.put("lectern", 18, 4)
    r.put("raffle_drum", 35, 4)
    r.put("balloons", 14, 2)
    r.put("balloons", 39, 2)
    r.zone("stage", "stage", 14, 2, 26, 7)
    # Seats for the ceremony, then open floor behind them.
    r.fill("carpet_red", 12, 11, 30, 9)
    for row in range(4):
        y = 12 + row * 2
        for col in range(24):
            x = 13 + col if col < 12 else 17 + col
            r.put("chair_up", x, y)
            r.zone("seat", f"seat-{row + 1}-{col + 1}", x, y)
    r.rug("blue", 10, 24, 14, 9)
    r.rug("red", 30, 24, 14, 9)
    for x, y in ((14, 27), (19, 29), (34, 27), (39, 29)):
        r.put("table_round", x, y)
    # Stairs back down in the north-east corner, as on the ground floor.
    r.fill("stone", 46, 2, 9, 6)
    r.fill("stairs_down", 49, 2, 3, 2)
    r.zone("spawn", "stairs-down", 48, 5, 5, 2)
    r.portal("stairs", (49, 2, 3, 2), "graduation-1f", "stairs-up")
    r.plants((1, 2), (44, 2), (1, 38), (54, 38), (27, 38), (28, 38))
    return r


def bigmap():
    r = Room("bigmap", 200, 200, "Big field (load tests)", "grass")
    rng = random.Random(2024)
    r.fill("stone", 99, 2, 2, 197)
    r.fill("stone", 1, 99, 198, 2)
    for _ in range(260):
        x, y = rng.randrange(3, 190), rng.randrange(3, 190)
        if 70 <= x <= 130 and 70 <= y <= 130 or 97 <= x <= 102 or 97 <= y <= 102:
            continue  # keep the central spawn and the paths open
        kind = rng.random()
        if kind < 0.25:
            r.fill("water", x, y, rng.randrange(2, 6), rng.randrange(2, 5))
        elif kind < 0.7:
            r.put("plant_tall" if kind < 0.5 else "plant", x, y)
        else:
            r.fill("grass_flowers", x, y, rng.randrange(2, 5), rng.randrange(2, 4))
    r.zone("spawn", "main", 80, 80, 40, 40)
    r.door(99, 1, 2, 1)
    r.portal("to-lobby", (99, 0, 2, 2), "lobby", "main")
    return r


def main():
    for build in (lobby, study_room, hall, graduation_1f, graduation_2f, bigmap):
        room = build()
        room.write()
        print(f"wrote maps/{room.stem}.tmj ({room.w}x{room.h}, {len(room.zones)} zones)")


if __name__ == "__main__":
    main()
