"""The map's layout: layers by distance from the start, a stable order inside each."""
from __future__ import annotations

import pytest

from simulator.services.learning.layout import layout


def test_layers_follow_the_fewest_replies_from_the_start():
    edges = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": [], "e": []}
    result = layout("a", edges)
    assert result.layers == (("a",), ("b", "c"), ("d", "e"))
    assert result.place("e") == (2, 1)
    assert result.width == 2


def test_a_way_back_does_not_move_a_node_down():
    edges = {"start": ["ask", "end"], "ask": ["start", "end"], "end": []}
    assert layout("start", edges).layers == (("start",), ("ask", "end"))


def test_order_inside_a_layer_is_the_order_branches_are_written():
    first = layout("a", {"a": ["y", "x"], "x": [], "y": []})
    second = layout("a", {"a": ["x", "y"], "x": [], "y": []})
    assert first.layers[1] == ("y", "x") and second.layers[1] == ("x", "y")


def test_the_start_need_not_come_first_in_the_file():
    assert layout("b", {"a": [], "b": ["a"]}).layers == (("b",), ("a",))


def test_unreachable_nodes_come_last_in_file_order():
    edges = {"a": ["b"], "b": [], "z": ["b"], "y": []}
    result = layout("a", edges)
    assert result.layers[-1] == ("z", "y")
    with pytest.raises(KeyError):
        result.place("nowhere")


def test_same_graph_same_picture():
    edges = {"s": ["m1", "m2", "m3"], "m1": ["e"], "m2": ["e", "s"], "m3": ["x"], "x": ["e"], "e": []}
    assert layout("s", edges) == layout("s", dict(edges))
    assert layout("s", edges).layers == (("s",), ("m1", "m2", "m3"), ("e", "x"))
