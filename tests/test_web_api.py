"""The web UI and JSON API through Starlette's in-process client, over a hand-built store.

The store is filled with hand-constructed records and a hand-constructed linking result, so these
tests check the web layer alone (routing, validation, escaping, rendering), whatever the
extractor and linker currently produce.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from armsledger.model import (
    EVENT_TYPES,
    FACTUALITY,
    Article,
    ArticleRecord,
    Claim,
    Conflict,
    Deal,
    Event,
    LedgerEvent,
    LinkResult,
    Story,
)
from armsledger.store import open_store
from armsledger.web import create_app
from armsledger.web.data import evidence_context, evidence_span, highlight_paragraphs
from armsledger.web.layout import date_span, graph_layout, timeline_layout

TOKEN = "s3cret-token"
XSS_TEXT = "Weapons talk <script>window.__xss=1</script> and <img src=x onerror=alert(1)> here.\n\nPoland ordered K2 tanks in 2022."  # noqa: E501


def _span(text: str, fragment: str) -> tuple[int, int]:
    i = text.index(fragment)
    return i, i + len(fragment)


def build_fixture(path: Path) -> dict[str, str]:
    """Write a small ledger: one S-400 story (3 articles, a report, a denial, a date conflict) and
    one article carrying markup that must be shown as text."""
    t1 = (
        "Russia has asked Türkiye to sell back its S-400 batteries, the daily Nefes reported on Saturday.\n\n"
        "Türkiye ordered the S-400 in 2017 for $2.5 billion.\n\nThe first batteries were delivered in July 2019."
    )
    t2 = "Citing Harbour Gazette, the wire said Moscow wants the S-400 systems it sold to Türkiye in 2019 back."
    t3 = "Defence ministry sources denied that Russia had asked for the S-400s back."
    a1 = Article(id="fx-01", text=t1, outlet="Harbour Gazette", published="2025-09-13",
                 title="Moscow seeks S-400s back, Nefes says", url="https://harbour.example/s400")
    a2 = Article(id="fx-02", text=t2, outlet="Plain Wire", published="2025-09-15", title="Buy-back talk")
    a3 = Article(id="fx-03", text=t3, outlet="Capital Dispatch", published="2025-09-20", title="Ankara denies")
    a4 = Article(id="fx-xss", text=XSS_TEXT, outlet="<b>Evil</b> Outlet", published="2025-01-02",
                 title="<script>alert(1)</script> headline", url="javascript:alert(1)")  # fmt: skip

    offer_ev = "Russia has asked Türkiye to sell back its S-400 batteries"
    s_offer1, e_offer1 = _span(t1, offer_ev)
    s_ord1, e_ord1 = _span(t1, "Türkiye ordered the S-400 in 2017")
    s_del1, e_del1 = _span(t1, "delivered in July 2019")
    s_off2, e_off2 = _span(t2, "Moscow wants the S-400 systems")
    s_ord2, e_ord2 = _span(t2, "sold to Türkiye in 2019")
    s_den, e_den = _span(t3, "denied that Russia had asked for the S-400s back")
    s_k2, e_k2 = _span(XSS_TEXT, "Poland ordered K2 tanks in 2022")
    s_x, e_x = _span(XSS_TEXT, "<script>window.__xss=1</script>")

    records = [
        ArticleRecord(a1, events=[
            Event("offer", "TUR", "RUS", "S-400", "2025-09", "reported", "Nefes", offer_ev, start=s_offer1,
                  end=e_offer1),
            Event("order", "RUS", "TUR", "S-400", "2017", "asserted", "self", "ordered the S-400 in 2017",
                  value="$2.5 billion", start=s_ord1, end=e_ord1),
            Event("delivery", "RUS", "TUR", "S-400", "2019-07", "asserted", "self", "delivered in July 2019",
                  start=s_del1, end=e_del1),
        ], systems=["S-400"], countries=["RUS", "TUR"], cited=["Nefes"], origin=["Nefes"], story="st-s400"),
        ArticleRecord(a2, events=[
            Event("offer", "TUR", "RUS", "S-400", "2025-09", "reported", "Harbour Gazette",
                  "Moscow wants the S-400 systems", start=s_off2, end=e_off2),
            Event("order", "RUS", "TUR", "S-400", "2019", "asserted", "self", "sold to Türkiye in 2019",
                  start=s_ord2, end=e_ord2),
        ], systems=["S-400"], countries=["RUS", "TUR"], cited=["Harbour Gazette"], origin=["Harbour Gazette"],
            story="st-s400"),
        ArticleRecord(a3, events=[
            Event("offer", "TUR", "RUS", "S-400", None, "denied", "defence ministry sources",
                  "denied that Russia had asked for the S-400s back", start=s_den, end=e_den),
        ], systems=["S-400"], countries=["RUS", "TUR"], story="st-s400"),
        ArticleRecord(a4, events=[
            Event("order", "KOR", "POL", "K2", "2022", "asserted", "self", "Poland ordered K2 tanks in 2022",
                  start=s_k2, end=e_k2),
            # an event whose evidence is the markup itself: highlighting must still escape it
            Event("test", "POL", None, None, None, "speculated", "self", "<script>window.__xss=1</script>",
                  start=s_x, end=e_x),
        ], systems=["K2"], countries=["POL", "KOR"], story="st-k2"),
    ]  # fmt: skip

    def claim(a: Article, ev: Event, origin: str) -> Claim:
        return Claim(article_id=a.id, outlet=a.outlet, published=a.published, source=ev.source,
                     factuality=ev.factuality, evidence=ev.evidence, date=ev.date, value=ev.value, origin=origin,
                     start=ev.start, end=ev.end)  # fmt: skip

    r1, r2, r3, r4 = records
    events = [
        LedgerEvent("ev-offer", "offer", "TUR", "RUS", "S-400", "2025-09", "reported by 1 origin; denied by TUR",
                    "reported", ["Nefes"], [claim(a1, r1.events[0], "Nefes"), claim(a2, r2.events[0], "Nefes"),
                                            claim(a3, r3.events[0], "self")], ["st-s400"]),
        LedgerEvent("ev-order", "order", "RUS", "TUR", "S-400", "2017", "asserted by 2 origins", "asserted",
                    ["Harbour Gazette", "Plain Wire"], [claim(a1, r1.events[1], "Harbour Gazette"),
                                                        claim(a2, r2.events[1], "Plain Wire")], ["st-s400"]),
        LedgerEvent("ev-delivery", "delivery", "RUS", "TUR", "S-400", "2019-07", "asserted by 1 origin", "asserted",
                    ["Harbour Gazette"], [claim(a1, r1.events[2], "Harbour Gazette")], ["st-s400"]),
        LedgerEvent("ev-k2", "order", "KOR", "POL", "K2", "2022", "asserted by 1 origin", "asserted",
                    ["<b>Evil</b> Outlet"], [claim(a4, r4.events[0], "<b>Evil</b> Outlet")], ["st-k2"]),
        LedgerEvent("ev-xss", "test", "POL", None, None, None, "speculated by 1 origin", "speculated",
                    ["<b>Evil</b> Outlet"], [claim(a4, r4.events[1], "<b>Evil</b> Outlet")], ["st-k2"]),
    ]  # fmt: skip
    conflict = Conflict("date", {"type": "order", "supplier": "RUS", "recipient": "TUR", "system": "S-400"},
                        ["2017", "2019"], "'sold in 2019' is the delivery year; the order was 2017",
                        [["fx-01"], ["fx-02"]])  # fmt: skip
    stories = [
        Story("st-s400", "Russia seeks to buy back Türkiye's S-400s", ["fx-01", "fx-02", "fx-03"], ["Nefes"],
              "2025-09-13", "2025-09-20", ["S-400"], ["RUS", "TUR"], ["ev-offer", "ev-order", "ev-delivery"],
              [("Harbour Gazette", "Nefes", "cites"), ("Plain Wire", "Harbour Gazette", "cites"),
               ("Capital Dispatch", "Plain Wire", "echoes")]),
        Story("st-k2", "<i>K2</i> order", ["fx-xss"], ["self"], "2025-01-02", "2025-01-02", ["K2"], ["KOR", "POL"],
              ["ev-k2", "ev-xss"], []),
    ]  # fmt: skip
    deals = [
        Deal("deal-s400", "RUS", "TUR", "S-400", "delivered", "2017", ["2019"], None, "$2.5 billion",
             ["ev-order", "ev-delivery"]),
        Deal("deal-k2", "KOR", "POL", "K2", "ordered", "2022", [], "180", None, ["ev-k2"]),
    ]  # fmt: skip
    with open_store(str(path)) as store:
        store.add_records(records)
        store.save_link(LinkResult(records=records, stories=stories, events=events, conflicts=[conflict], deals=deals))
    return {"db": str(path)}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("web") / "ledger.duckdb"
    build_fixture(path)
    return str(path)


@pytest.fixture(scope="module")
def client(db_path: str):
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture(scope="module")
def token_client(db_path: str):
    with TestClient(create_app(db_path, token=TOKEN)) as c:
        yield c


def _ok_json(client: TestClient, url: str) -> dict:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def _error(client: TestClient, url: str, status: int = 400) -> dict:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error", "param"} and body["error"], body
    return body


# --- JSON API -------------------------------------------------------------------------------------


def test_api_events_filters(client: TestClient) -> None:
    all_events = _ok_json(client, "/api/events")["events"]
    assert [e["id"] for e in all_events] == ["ev-order", "ev-delivery", "ev-k2", "ev-offer", "ev-xss"]  # by date
    s400 = _ok_json(client, "/api/events?system=s-400&country=TUR")
    assert {e["id"] for e in s400["events"]} == {"ev-offer", "ev-order", "ev-delivery"}
    assert s400["filters"] == {"system": "s-400", "country": "TUR"}
    assert [e["id"] for e in _ok_json(client, "/api/events?type=order&country=tur")["events"]] == ["ev-order"]
    assert [e["id"] for e in _ok_json(client, "/api/events?factuality=reported")["events"]] == ["ev-offer"]
    assert [e["id"] for e in _ok_json(client, "/api/events?since=2019&until=2022-12")["events"]] == [
        "ev-delivery", "ev-k2"]  # fmt: skip
    offer = _ok_json(client, "/api/events?story=st-s400&type=offer")["events"][0]
    assert offer["disputed"] == ["denied by defence ministry sources"]
    assert [c["source"] for c in offer["claims"]] == ["Nefes", "Harbour Gazette", "defence ministry sources"]


def test_api_events_paging(client: TestClient) -> None:
    first = _ok_json(client, "/api/events?limit=2")
    assert len(first["events"]) == 2 and first["next_offset"] == 2
    second = _ok_json(client, "/api/events?limit=2&offset=2")
    assert second["next_offset"] == 4
    last = _ok_json(client, "/api/events?limit=2&offset=4")
    assert len(last["events"]) == 1 and last["next_offset"] is None
    ids = [e["id"] for page in (first, second, last) for e in page["events"]]
    assert len(set(ids)) == 5


def test_api_free_text_search(client: TestClient) -> None:
    res = _ok_json(client, "/api/search?q=S400")
    assert {e["id"] for e in res["events"]} == {"ev-offer", "ev-order", "ev-delivery"}
    assert [e["id"] for e in _ok_json(client, "/api/search?q=S-400 offer")["events"]] == ["ev-offer"]
    assert _ok_json(client, "/api/search?q=nothing-like-this")["events"] == []
    # q combined with filters on the list endpoint
    assert [e["id"] for e in _ok_json(client, "/api/events?q=S-400&type=delivery")["events"]] == ["ev-delivery"]


def test_api_event_detail_has_claims_in_context(client: TestClient) -> None:
    d = _ok_json(client, "/api/events/ev-offer")
    assert d["event"]["id"] == "ev-offer"
    first = d["claims"][0]
    assert first["article"]["title"] == "Moscow seeks S-400s back, Nefes says"
    assert first["context"]["mark"] == "Russia has asked Türkiye to sell back its S-400 batteries"
    assert first["context"]["after"].startswith(", the daily Nefes reported")
    assert d["stories"] == [{"id": "st-s400", "title": "Russia seeks to buy back Türkiye's S-400s"}]


def test_api_timeline_layout(client: TestClient) -> None:
    t = _ok_json(client, "/api/timeline?system=S-400&country=TUR")
    lay = t["layout"]
    assert [m["id"] for m in lay["markers"]] == ["ev-offer", "ev-order", "ev-delivery"]  # lane order: offer, order..
    xs = {m["id"]: m["x"] for m in lay["markers"]}
    assert xs["ev-order"] < xs["ev-delivery"] < xs["ev-offer"]  # chronological on the axis
    offer = next(m for m in lay["markers"] if m["id"] == "ev-offer")
    assert offer["shape"] == "square" and offer["disputed"] == ["denied by defence ministry sources"]
    order = next(m for m in lay["markers"] if m["id"] == "ev-order")
    assert order["r"] > offer["r"]  # two independent origins draw a bigger marker than one
    delivery = next(m for m in lay["markers"] if m["id"] == "ev-delivery")
    assert order["x1"] - order["x0"] > 10 * (delivery["x1"] - delivery["x0"]) > 0  # a year spans 12 months
    assert {e["id"]: e["date_range"] for e in t["events"]}["ev-delivery"] == ["2019-07-01", "2019-07-31"]
    undated = _ok_json(client, "/api/timeline?type=test")
    assert undated["layout"]["undated"] == ["ev-xss"] and undated["layout"]["markers"] == []


def test_api_stories_and_story(client: TestClient) -> None:
    stories = _ok_json(client, "/api/stories")["stories"]
    assert [s["id"] for s in stories] == ["st-s400", "st-k2"]
    assert stories[0]["n_articles"] == 3
    d = _ok_json(client, "/api/stories/st-s400")
    assert [a["id"] for a in d["articles"]] == ["fx-01", "fx-02", "fx-03"]
    assert d["origins"] == ["Nefes"]
    assert {e["id"] for e in d["events"]} == {"ev-offer", "ev-order", "ev-delivery"}
    (conflict,) = d["conflicts"]
    assert [s["value"] for s in conflict["sides"]] == ["2017", "2019"]
    assert [s["articles"][0]["outlet"] for s in conflict["sides"]] == ["Harbour Gazette", "Plain Wire"]
    chains = {c[0]["outlet"]: [s["outlet"] for s in c] for c in d["chains"]}
    assert chains["Capital Dispatch"] == ["Capital Dispatch", "Plain Wire", "Harbour Gazette", "Nefes"]


def test_api_story_graph(client: TestClient) -> None:
    g = _ok_json(client, "/api/stories/st-s400/graph")["graph"]
    layers = {n["id"]: n["layer"] for n in g["nodes"]}
    assert layers == {"Nefes": 0, "Harbour Gazette": 1, "Plain Wire": 2, "Capital Dispatch": 3}
    origin = [n for n in g["nodes"] if n["origin"]]
    assert [n["id"] for n in origin] == ["Nefes"] and origin[0]["articles"] == []  # cited only
    assert {(e["source"], e["target"], e["kind"]) for e in g["edges"]} == {
        ("Harbour Gazette", "Nefes", "cites"), ("Plain Wire", "Harbour Gazette", "cites"),
        ("Capital Dispatch", "Plain Wire", "echoes")}  # fmt: skip
    xs = [n["x"] for n in sorted(g["nodes"], key=lambda n: n["layer"])]
    assert xs == sorted(xs) and len(set(xs)) == 4
    # a self-reported story with no edges: its outlet is the origin
    k2 = _ok_json(client, "/api/stories/st-k2/graph")["graph"]
    assert [(n["id"], n["origin"]) for n in k2["nodes"]] == [("<b>Evil</b> Outlet", True)]


def test_api_deals(client: TestClient) -> None:
    assert [d["id"] for d in _ok_json(client, "/api/deals")["deals"]] == ["deal-s400", "deal-k2"]
    assert [d["id"] for d in _ok_json(client, "/api/deals?country=POL")["deals"]] == ["deal-k2"]
    assert [d["id"] for d in _ok_json(client, "/api/deals?system=s-400")["deals"]] == ["deal-s400"]
    page = _ok_json(client, "/api/deals?limit=1")
    assert page["total"] == 2 and page["next_offset"] == 1 and len(page["deals"]) == 1


def test_api_article(client: TestClient) -> None:
    d = _ok_json(client, "/api/articles/fx-01")
    assert d["article"]["outlet"] == "Harbour Gazette" and d["story"]["id"] == "st-s400"
    assert [e["type"] for e in d["events"]] == ["offer", "order", "delivery"]
    marked = [seg["text"] for para in d["paragraphs"] for seg in para if seg["mark"]]
    assert marked == ["Russia has asked Türkiye to sell back its S-400 batteries", "Türkiye ordered the S-400 in 2017",
                      "delivered in July 2019"]  # fmt: skip


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    doc = _ok_json(client, "/api/openapi.json")
    assert doc["openapi"].startswith("3.")
    listed = set(doc["paths"])
    routes = {r.path.replace(":path", "") for r in client.app.routes if getattr(r, "path", "").startswith("/api/")}
    assert routes - {"/api/openapi.json"} == listed
    for p in listed:  # every documented path answers with the example ids of the fixture
        ids = {"events": "ev-order", "stories": "st-s400", "articles": "fx-01"}
        url = p.replace("{id}", ids[p.split("/")[2]]) if "{id}" in p else p
        _ok_json(client, url + ("?q=S-400" if p == "/api/search" else ""))
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events" in page.text and "factuality" in page.text


# --- validation: clear 4xx, never 500 -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/events?type=purchase", "type"),
        ("/api/events?factuality=sure", "factuality"),
        ("/api/events?since=2019-13", "since"),
        ("/api/events?since=2019-02-30", "since"),
        ("/api/events?until=yesterday", "until"),
        ("/api/events?since=2020&until=2019", "until"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=1001", "limit"),
        (f"/api/events?limit={10**9}", "limit"),
        (f"/api/events?limit={10**40}", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?offset=1.5", "offset"),
        ("/api/events?country=Atlantis", "country"),
        ("/api/events?system=" + "x" * 201, "system"),
        ("/api/events?q=" + "S" * 500, "q"),
        ("/api/events?system=S%00400", "system"),
        ("/api/events?sytem=S-400", "sytem"),
        ("/api/events?type=order&type=offer", "type"),
        ("/api/search", "q"),
        ("/api/search?q=S-400&limit=0", "limit"),
        ("/api/timeline?limit=5000", "limit"),
        ("/api/timeline?offset=3", "offset"),
        ("/api/deals?country=12", "country"),
        ("/api/deals?type=order", "type"),
        ("/api/stories?offset=x", "offset"),
        ("/api/events/ev-order?verbose=1", "verbose"),
    ],
)
def test_bad_parameters_are_400_with_a_reason(client: TestClient, url: str, param: str) -> None:
    body = _error(client, url)
    assert body["param"] == param


@pytest.mark.parametrize(
    "url",
    ["/api/events/nope", "/api/stories/nope", "/api/stories/nope/graph", "/api/articles/nope", "/api/nothing",
     "/api/events/" + "x" * 150],
)  # fmt: skip
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    _error(client, url, 404)


def test_overlong_path_id_is_400(client: TestClient) -> None:
    assert _error(client, "/api/events/" + "x" * 300)["param"] == "id"
    assert _error(client, "/api/events/ev%00order")["param"] == "id"


def test_odd_but_valid_requests(client: TestClient) -> None:
    assert _ok_json(client, "/api/events?q=%FF%FE")["events"] == []  # undecodable bytes are just no match
    assert _ok_json(client, "/api/events?system=&country=&type=")["filters"] == {}  # empty form fields
    assert client.head("/stories").status_code == 200
    assert client.get("/events/").status_code == 404


def test_serve_explains_a_missing_store(tmp_path: Path) -> None:
    from armsledger.web import serve

    with pytest.raises(SystemExit, match="no store at"):
        serve(str(tmp_path / "missing.duckdb"), host="127.0.0.1", port=8765, token=None)


@pytest.mark.parametrize(
    "value",
    ["' OR 1=1 --", "S-400'; DROP TABLE ledger_events; --", '" OR ""="', "%", "_", "\\", "S-400) OR (1=1",
     "<script>alert(1)</script>", "ü\u200bö", "😀"],
)  # fmt: skip
def test_sql_like_strings_are_plain_values(client: TestClient, value: str) -> None:
    for url in ("/api/events", "/api/timeline", "/api/deals"):
        r = client.get(url, params={"system": value})
        assert r.status_code == 200, (url, value, r.text[:200])
        assert r.json()[("deals" if url == "/api/deals" else "events")] == []
    for url in ("/api/search", "/api/events"):
        r = client.get(url, params={"q": value})
        assert r.status_code == 200 and r.json()["events"] == []
    for prefix in ("/api/events/", "/api/stories/", "/api/articles/", "/events/", "/stories/", "/articles/"):
        r = client.get(prefix + value.replace("%", "%25").replace("\\", "%5C"))
        assert r.status_code in (400, 404), (prefix, value, r.status_code)
    # the ledger is still whole afterwards
    assert len(_ok_json(client, "/api/events")["events"]) == 5


def test_pages_answer_bad_parameters_with_an_error_page(client: TestClient) -> None:
    r = client.get("/?type=purchase")
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "type must be one of" in r.text
    r = client.get("/events/nope")
    assert r.status_code == 404 and "no event" in r.text
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_writes_are_refused(client: TestClient) -> None:
    r = client.post("/api/events", json={})
    assert r.status_code == 405
    assert client.delete("/events/ev-order").status_code == 405


def test_store_is_opened_read_only(client: TestClient) -> None:
    assert client.app.state.data.store.read_only is True


# --- HTML pages --------------------------------------------------------------------------------------


PAGES = ["/", "/?q=S-400", "/timeline?system=S-400&country=TUR", "/timeline", "/events/ev-offer", "/stories",
         "/stories/st-s400", "/stories/st-s400/graph", "/stories/st-k2", "/stories/st-k2/graph", "/deals",
         "/deals?country=TUR", "/articles/fx-01", "/articles/fx-xss", "/events/ev-xss", "/events/ev-k2",
         "/api"]  # fmt: skip


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_security_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    html = r.text
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    # the only script is the static file; no inline styles or event-handler attributes (CSP would block them)
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert not re.search(r"<[^>]*\s(style|on[a-z]+)=", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html.replace('href="https://harbour.example/s400"', ""))
    for field in re.findall(r'<(?:input|select)[^>]*id="([^"]+)"', html):  # every form field has a label
        assert f'<label for="{field}"' in html, field


def test_static_files_and_headers(client: TestClient) -> None:
    for name, kind in (("app.css", "text/css"), ("app.js", "javascript"), ("favicon.svg", "image/svg+xml")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "http" not in client.get("/static/app.css").text  # nothing fetched from elsewhere (fonts, images)


def test_search_page_lists_and_links_to_timeline(client: TestClient) -> None:
    html = client.get("/?q=S-400").text
    assert html.count('class="event-link"') == 3
    assert 'href="/events/ev-offer"' in html
    assert re.search(r'href="/timeline\?system=S-400[^"]*"', html)


def test_timeline_page_draws_markers(client: TestClient) -> None:
    html = client.get("/timeline?system=S-400&country=TUR").text
    svg = html[html.index("<svg class=\"timeline-svg\""): html.index("</svg>", html.index("timeline-svg"))]
    assert svg.count('class="marker"') == 3
    assert "denied by defence ministry sources" in svg  # the denial is visible on the offer marker
    assert 'stroke="#b2182b"' in svg  # ... as a red badge
    for f in FACTUALITY:  # the legend names every factuality value in words
        assert f"fact-{f}" in html


def test_event_page_shows_claims_beside_sources(client: TestClient) -> None:
    html = client.get("/events/ev-offer").text
    claims = re.findall(r'<li class="claim" data-source="([^"]*)" data-factuality="([^"]*)"', html)
    assert claims == [("Nefes", "reported"), ("Harbour Gazette", "reported"), ("defence ministry sources", "denied")]
    assert "<mark>Russia has asked Türkiye to sell back its S-400 batteries</mark>" in html
    assert 'href="/articles/fx-01"' in html and "Harbour Gazette" in html and "2025-09-13" in html


def test_story_page_shows_conflict_side_by_side(client: TestClient) -> None:
    html = client.get("/stories/st-s400").text
    conflict = html[html.index('class="conflict"'):]
    assert "<strong>2017</strong>" in conflict and "<strong>2019</strong>" in conflict
    assert "the delivery year; the order was 2017" in conflict
    assert 'href="/stories/st-s400/graph"' in html
    assert "Capital Dispatch" in html and "echoes" in html


def test_graph_page_marks_origin_and_has_legend(client: TestClient) -> None:
    html = client.get("/stories/st-s400/graph").text
    assert 'class="node node-origin node-cited-only" data-outlet="Nefes"' in html
    assert html.count('<g class="edge edge-cites">') == 2 and html.count('<g class="edge edge-echoes">') == 1
    assert "Legend" in html and "ORIGIN" in html


# --- escaping -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/articles/fx-xss", "/events/ev-xss", "/events/ev-k2", "/stories/st-k2",
                                 "/stories/st-k2/graph", "/stories", "/?q=K2", "/timeline?system=K2"])  # fmt: skip
def test_markup_in_articles_is_shown_as_text(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "<script>window.__xss" not in html and "<script>alert" not in html
    assert "<img src=x" not in html and "<b>Evil</b>" not in html and "<i>K2</i>" not in html
    assert "javascript:" not in html.split("<dd class=\"url\">")[0] or 'href="javascript:' not in html
    if url == "/articles/fx-xss":
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert 'href="javascript:' not in html  # a non-http URL is shown, not linked


def test_json_keeps_markup_as_data(client: TestClient) -> None:
    d = _ok_json(client, "/api/articles/fx-xss")
    assert "<script>window.__xss=1</script>" in d["article"]["text"]  # JSON is data; the page escapes it


# --- token ----------------------------------------------------------------------------------------------


def test_token_required_when_set(token_client: TestClient) -> None:
    r = token_client.get("/api/events")
    assert r.status_code == 401 and r.json()["param"] == "token"
    assert r.headers["www-authenticate"] == "Bearer"
    assert token_client.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert token_client.get("/api/events?token=wrong").status_code == 401
    assert token_client.get("/stories/st-s400").status_code == 401
    assert token_client.get("/static/app.css").status_code == 200  # no ledger data in static files
    ok = token_client.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and len(ok.json()["events"]) == 5
    assert token_client.get(f"/api/events?token={TOKEN}&type=order").json()["events"][0]["type"] == "order"


def test_token_page_flow_sets_cookie(db_path: str) -> None:
    with TestClient(create_app(db_path, token=TOKEN)) as c:
        page = c.get("/stories", headers={"Accept": "text/html"})
        assert page.status_code == 401 and '<label for="f-token"' in page.text
        r = c.get(f"/stories?token={TOKEN}", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/stories"
        assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
        after = c.get("/stories")  # the cookie now authenticates
        assert after.status_code == 200 and "st-s400" in after.text


def test_host_check(db_path: str) -> None:
    app = create_app(db_path, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stories").status_code == 200
        assert c.get("/api/stories", headers={"Host": "evil.example"}).status_code == 400


# --- helpers ------------------------------------------------------------------------------------------------


def test_evidence_span_prefers_valid_stored_span_then_text() -> None:
    text = "Alpha beta gamma."
    assert evidence_span(text, 6, 10, "beta") == (6, 10)
    assert evidence_span(text, 50, 60, "gamma") == (11, 16)  # out-of-range span: found by text
    assert evidence_span(text, None, None, "delta") is None
    ctx = evidence_context("P one.\n\nP two has it here.\n\nP three.", (14, 17))
    assert ctx == {"before": "P two ", "mark": "has", "after": " it here.", "found": True}


def test_highlight_merges_overlaps_and_keeps_text() -> None:
    text = "One two three.\n\nFour five."
    paras = highlight_paragraphs(text, [(4, 13, 1), (8, 13, 2), (16, 20, 3)])
    assert ["".join(s["text"] for s in p) for p in paras] == ["One two three.", "Four five."]
    marks = [(s["text"], s["events"]) for p in paras for s in p if s["mark"]]
    assert marks == [("two three", [1, 2]), ("Four", [3])]


def test_date_span() -> None:
    assert str(date_span("2019")) == "(datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))"
    assert date_span("2020-02")[1].day == 29
    assert date_span("2019-07-12")[0] == date_span("2019-07-12")[1]
    assert date_span(None) is None and date_span("soon") is None and date_span("2019-13") is None


def test_timeline_stacks_close_events_in_rows() -> None:
    evs = [LedgerEvent(f"e{i}", "delivery", "RUS", "TUR", "S-400", "2019-07-12", "s", "asserted", ["x"])
           for i in range(3)]  # fmt: skip
    lay = timeline_layout(evs)
    assert len({m.y for m in lay.markers}) == 3  # same day: three stacking rows, no overlap
    assert len(lay.lanes) == 1 and lay.lanes[0].height >= 3 * 30


def test_graph_layout_is_deterministic_and_handles_unlinked_outlets() -> None:
    s = Story("s", "t", ["a", "b"], ["Origin"], edges=[("B", "Origin", "cites")])
    arts = [{"id": "a", "outlet": "B", "published": "2025-01-01"}, {"id": "b", "outlet": "Lonely", "published": None}]
    g1, g2 = graph_layout(s, arts), graph_layout(s, arts)
    assert g1.to_dict() == g2.to_dict()
    layers = {n.id: (n.layer, n.reachable) for n in g1.nodes}
    assert layers == {"Origin": (0, True), "B": (1, True), "Lonely": (2, False)}


def test_every_enum_is_accepted(client: TestClient) -> None:
    for t in EVENT_TYPES:
        _ok_json(client, f"/api/events?type={t}")
    for f in FACTUALITY:
        _ok_json(client, f"/api/events?factuality={f.upper()}")
    json.dumps(_ok_json(client, "/api/timeline"))  # serialisable end to end
