"""Where each node of a scenario's graph goes on the map: a pure function of the graph.

Layers by distance from the start (the fewest replies it takes to get there), read top to
bottom; inside a layer, nodes in the order a walk from the start first meets them, each
node's branches in the order the scenario lists them. The same graph always gives the same
picture, and a node keeps its place however a particular call went. Nodes no path reaches
(the validator warns of them) come last, in file order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    layers: tuple[tuple[str, ...], ...]

    def place(self, node: str) -> tuple[int, int]:
        """(layer, position in the layer) of a node."""
        for depth, layer in enumerate(self.layers):
            if node in layer:
                return depth, layer.index(node)
        raise KeyError(node)

    @property
    def width(self) -> int:
        """The most nodes side by side."""
        return max((len(layer) for layer in self.layers), default=0)


def layout(start: str, edges: Mapping[str, Sequence[str]]) -> Layout:
    """``edges``: every node (in file order) with the nodes its branches go to, in order."""
    depth = {start: 0}
    order = [start]
    queue = deque([start])
    while queue:
        name = queue.popleft()
        for target in edges.get(name, ()):
            if target in edges and target not in depth:
                depth[target] = depth[name] + 1
                order.append(target)
                queue.append(target)
    layers: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for name in order:
        layers[depth[name]].append(name)
    unreached = [name for name in edges if name not in depth]
    if unreached:
        layers.append(unreached)
    return Layout(tuple(tuple(layer) for layer in layers))
