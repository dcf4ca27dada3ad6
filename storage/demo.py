"""Demo data: a reproducible, realistic Chinese B2B customer base for trying the console and benchmarking it.

:func:`generate_demo` fills an empty database with sales reps, customers, their
contacts and two years of orders.  Everything comes from a seeded generator, so
the same ``seed`` and ``as_of`` give the same rows on every run and machine with
the same library versions.

What the data is shaped to show (defaults of :class:`domain.customers.ClassificationSettings`):

- Sales follow a Pareto: each buying customer's yearly amount is lognormal, so the
  top 20% of customers make about 77-80% of sales and ABC analysis finds a real
  A / B / C split.
- Yearly amount and order density are only loosely correlated around the value
  matrix's splits (300K yuan and 6 orders a year), so Star, Cow, Volcano and Dog
  customers all occur.
- About 55% of customers are closed (既成客户), 35% potential (潜在客户, no or a
  few trial orders) and 10% lost (流失客户, no orders in their last months).
- About 1% of records are deliberate duplicates of another record (full-width
  letters, ``（股份）``, a missing 有限公司, …), often sharing its phone or a
  contact, so the duplicate finder has something to find.
- Provinces, cities, districts and area codes are real and consistent, with many
  customers per district so visit planning can batch by district.

The vocabularies live in ``resources/seeds/*.json``.  Rows are written in one
transaction with one executemany per table and chunk of customers (see
:func:`_insert`; on SQLite the indexes are rebuilt once at the end), so 100,000
customers take seconds, not minutes, and never a million order dicts in memory.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from bisect import bisect
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from statistics import NormalDist
from typing import Any, cast

import numpy as np
from sqlalchemy import Date, Table, func, insert, inspect, select
from sqlalchemy.orm import Session

from domain.customers import CustomerStatus
from domain.text import pinyin_keys
from storage.db import Database
from storage.models import Contact, Customer, CustomerEvent, Order, Rep
from storage.progress import Progress, no_progress

SEEDS = Path(__file__).resolve().parents[1] / "resources" / "seeds"

CUSTOMERS = cast(Table, Customer.__table__)
CONTACTS = cast(Table, Contact.__table__)
ORDERS = cast(Table, Order.__table__)
EVENTS = cast(Table, CustomerEvent.__table__)

DEFAULT_SEED = 20261124

# A hub district gets this many times the customers of another district of its city:
# B2B customers cluster in industrial districts, which is what makes visits batchable.
HUB_WEIGHT = 5.0
# Shares of the customer base by status; the rest are potential customers.
CLOSED_SHARE = 0.55
LOST_SHARE = 0.10
DUPLICATE_SHARE = 0.01

# Yearly purchase amount of a buying customer is lognormal: median 100K yuan and a
# spread that puts ~22% of them above the value matrix's 300K split.  The top-20%
# share of a lognormal is Phi(sigma - 0.84), 73% here; order-size noise and trial
# buyers lift the measured share to ~77-80%, the handbook's 80/20.
AMOUNT_MEDIAN_YUAN = 100_000.0
AMOUNT_SIGMA = 1.45
AMOUNT_CAP_YUAN = 30_000_000.0
# Orders a year: median 4.5 (the density split is 6), loosely tied to the amount so
# that big customers buy a little more often but Cows and Volcanoes exist.
DENSITY_MEDIAN = 4.5
DENSITY_SIGMA = 0.75
DENSITY_AMOUNT_CORRELATION = 0.45
ORDER_NOISE_SIGMA = 0.6

_CHUNK = 2_000
_MOBILE_PREFIXES = (
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 176 177 178 180 181 182 183 185 186 187 188 189 198 199"
).split()
_STANCE_WEIGHTS = {
    CustomerStatus.CLOSED: (45, 10, 45),
    CustomerStatus.LOST: (15, 40, 45),
    CustomerStatus.POTENTIAL: (25, 15, 60),
}
_STANCES = ("supporter", "opponent", "neutral")
_LIKELIHOODS = (10, 20, 30, 40, 50, 60, 70, 80, 90)
_LIKELIHOOD_WEIGHTS = (15, 15, 14, 13, 12, 10, 9, 7, 5)
# Legal forms a duplicate may drop or swap; longest first so 股份有限公司 is not read as 有限公司.
_STRIPPABLE_FORMS = ("股份有限公司", "集团有限公司", "有限责任公司", "有限公司")
# How the deliberate duplicates differ from their originals, in turn.  All but the
# last meet the original under domain.text.normalise_company_name (SAME_NAME); the
# last (深圳恒达… for 深圳市恒达…) only looks similar.
_DUPLICATE_KINDS = ("no_form", "gufen", "fullwidth", "swap_form", "space", "other_prefix")
_LATIN = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I or O, which read as 1 and 0


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo` wrote."""

    reps: int
    customers: int
    contacts: int
    orders: int
    duplicates: int
    """Customers written as deliberate duplicates of another customer (included in ``customers``)."""
    sales_fen: int
    """Sum of all order amounts, in fen."""
    first_order_day: date
    as_of: date
    seed: int


# --------------------------------------------------------------------------- seeds


class _Random(random.Random):
    """``random.Random`` with cheaper integer picks.

    The standard ``choice`` / ``randint`` / ``randrange`` do rejection sampling on
    ``getrandbits`` (about 0.5 µs each); scaling one float is three times faster and
    its bias (under 1e-15) is irrelevant to demo data drawn a few million times.
    """

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + step * int(self.random() * ((stop - start + step - 1) // step))


class _Weighted:
    """Weighted choice by bisection over cumulative weights (random.choices re-validates on every call)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(accumulate(float(w) for _, w in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


@dataclass(frozen=True)
class City:
    province: str
    province_short: str
    name: str
    short: str
    area_code: str
    weight: float
    districts: tuple[str, ...]
    hubs: tuple[str, ...]
    """Districts where the city's companies cluster (high-tech zones, industrial parks)."""
    region: str


@dataclass(frozen=True)
class Industry:
    name: str
    weight: float
    words: tuple[str, ...]
    scope: str


@dataclass(frozen=True)
class Seeds:
    """The vocabularies of ``resources/seeds`` in the shapes the generator uses."""

    regions: tuple[str, ...]
    cities: tuple[City, ...]
    roads: tuple[str, ...]
    road_suffixes: tuple[str, ...]
    parks: tuple[str, ...]
    buildings: tuple[str, ...]
    surnames: tuple[tuple[str, str, float], ...]
    given_male: tuple[str, ...]
    given_female: tuple[str, ...]
    given_first_male: tuple[str, ...]
    given_first_female: tuple[str, ...]
    titles: tuple[tuple[str, float, tuple[tuple[str, float], ...]], ...]
    hobbies: tuple[str, ...]
    backgrounds: tuple[str, ...]
    family: tuple[str, ...]
    greetings: tuple[str, ...]
    brand_chars: tuple[str, ...]
    legal_forms: tuple[tuple[str, float], ...]
    industries: tuple[Industry, ...]
    sizes: tuple[tuple[str, float], ...]
    sources: tuple[tuple[str, float], ...]
    credit_ratings: dict[str, tuple[tuple[str, float], ...]]
    trade_terms: dict[str, tuple[tuple[str, float], ...]]
    email_tlds: tuple[tuple[str, float], ...]
    company_mailboxes: tuple[str, ...]
    free_mail_domains: tuple[tuple[str, float], ...]
    notes: tuple[str, ...]
    products: tuple[tuple[str, float, float], ...]
    seller_email_domain: str

    def districts_by_city(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(province, city) -> its districts: what every generated address must agree with."""
        return {(c.province, c.name): c.districts for c in self.cities}


def _read(name: str) -> Any:
    return json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"))


def _pairs(raw: Sequence[Sequence[Any]]) -> tuple[tuple[str, float], ...]:
    return tuple((str(a), float(b)) for a, b in raw)


@lru_cache(maxsize=1)
def load_seeds() -> Seeds:
    """The seed vocabularies (read once per process)."""
    regions = _read("regions")
    people = _read("people")
    companies = _read("companies")
    catalogue = _read("products")
    region_of = {p: r["name"] for r in regions["sales_regions"] for p in r["provinces"]}
    cities = tuple(
        City(
            province=p["name"],
            province_short=p["short"],
            name=c["name"],
            short=c["short"],
            area_code=c["area_code"],
            weight=float(c["weight"]),
            districts=tuple(c["districts"]),
            hubs=tuple(c.get("hubs", ())),
            region=region_of[p["name"]],
        )
        for p in regions["provinces"]
        for c in p["cities"]
    )
    return Seeds(
        regions=tuple(r["name"] for r in regions["sales_regions"]),
        cities=cities,
        roads=tuple(regions["roads"]),
        road_suffixes=tuple(regions["road_suffixes"]),
        parks=tuple(regions["parks"]),
        buildings=tuple(regions["buildings"]),
        surnames=tuple((s, py, float(w)) for s, py, w in people["surnames"]),
        given_male=tuple(people["given_male"]),
        given_female=tuple(people["given_female"]),
        given_first_male=tuple(people["given_first_male"]),
        given_first_female=tuple(people["given_first_female"]),
        titles=tuple(
            (t["title"], float(t["weight"]), tuple((r, float(w)) for r, w in t["roles"].items()))
            for t in people["titles"]
        ),
        hobbies=tuple(people["hobbies"]),
        backgrounds=tuple(people["backgrounds"]),
        family=tuple(people["family"]),
        greetings=tuple(people["greetings"]),
        brand_chars=tuple(companies["brand_chars"]),
        legal_forms=_pairs(companies["legal_forms"]),
        industries=tuple(
            Industry(i["name"], float(i["weight"]), tuple(i["words"]), i["scope"]) for i in companies["industries"]
        ),
        sizes=_pairs(companies["sizes"]),
        sources=_pairs(companies["sources"]),
        credit_ratings={k: _pairs(v) for k, v in companies["credit_ratings"].items()},
        trade_terms={k: _pairs(v) for k, v in companies["trade_terms_by_rating"].items()},
        email_tlds=_pairs(companies["email_tlds"]),
        company_mailboxes=tuple(companies["company_mailboxes"]),
        free_mail_domains=_pairs(companies["free_mail_domains"]),
        notes=tuple(companies["notes"]),
        products=tuple((p["name"], float(p["weight"]), float(p["scale"])) for p in catalogue["products"]),
        seller_email_domain=catalogue["seller_email_domain"],
    )


# --------------------------------------------------------------------------- plan


# Brands, industry words and given names recur thousands of times; full names are
# unique and go through pinyin_keys itself.
_part_pinyin = lru_cache(maxsize=65536)(pinyin_keys)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass
class _Plan:
    """Per-customer numbers drawn up front with numpy (index = position in the customer list)."""

    status: list[CustomerStatus]
    city: np.ndarray
    duplicate_of: dict[int, int]
    """Duplicate's index -> original's index (the original always comes first)."""
    duplicate_kind: dict[int, str]
    originals: set[int]
    """Records that have a duplicate."""
    latin_bases: set[int]
    """Originals that must carry a Latin brand so a full-width duplicate can be spelled."""
    start: np.ndarray
    """First day index (into the order window) the customer may order on."""
    end: np.ndarray
    """Last day index the customer may order on."""
    trend: np.ndarray
    """Log growth of order size per year, so some customers grow and some shrink."""
    order_count: np.ndarray
    per_order_yuan: np.ndarray
    main_product: np.ndarray
    size: np.ndarray
    # The same as plain lists, for the per-customer Python code (numpy scalars are slow there).
    city_list: list[int]
    size_list: list[int]
    count_list: list[int]
    start_list: list[int]


class _Generator:
    def __init__(self, seeds: Seeds, seed: int, as_of: date, customers: int, reps: int) -> None:
        self.seeds = seeds
        self.seed = seed
        self.rng = _Random(seed)
        self.np = np.random.default_rng(seed)
        self.as_of = as_of
        self.n = customers
        self.n_reps = reps
        self.window_start = _years_before(as_of, 2) + timedelta(days=1)
        self.days = (as_of - self.window_start).days + 1
        self.day_dates = [self.window_start + timedelta(days=i) for i in range(self.days)]
        self.day_cdf = np.cumsum(self._day_weights())
        # Records are stamped up to the day before as_of: when as_of is today, a time
        # later today would lie in the future.
        self.last_edit_day = as_of - timedelta(days=1)

        self.cities = seeds.cities
        self.districts = {
            c.name: _Weighted([(d, HUB_WEIGHT if d in c.hubs else 1.0) for d in c.districts]) for c in seeds.cities
        }
        self.industries = _Weighted([(i, i.weight) for i in seeds.industries])
        self.legal_forms = _Weighted(seeds.legal_forms)
        self.sources = _Weighted(seeds.sources)
        self.credit = {k: _Weighted(v) for k, v in seeds.credit_ratings.items()}
        self.terms = {k: _Weighted(v) for k, v in seeds.trade_terms.items()}
        self.tlds = _Weighted(seeds.email_tlds)
        self.free_mail = _Weighted(seeds.free_mail_domains)
        self.surnames = _Weighted([((s, py), w) for s, py, w in seeds.surnames])
        self.titles = _Weighted([((t, _Weighted(roles)), w) for t, w, roles in seeds.titles])
        self.stances = {k: _Weighted(list(zip(_STANCES, w, strict=True))) for k, w in _STANCE_WEIGHTS.items()}
        self.likelihood = _Weighted(list(zip(_LIKELIHOODS, _LIKELIHOOD_WEIGHTS, strict=True)))
        weights = np.array([w for _, w, _ in seeds.products])
        self.product_names = [name for name, _, _ in seeds.products]
        self.product_cdf = np.cumsum(weights / weights.sum())
        scales = np.array([s for _, _, s in seeds.products])
        # Normalised so the product mix does not change a customer's expected yearly amount.
        self.product_scale = scales / float((scales * weights).sum() / weights.sum())

        self.char_pinyin = {c: _part_pinyin(c)[0] for c in seeds.brand_chars}
        self.used_labels: set[str] = set()
        self.used_phones: set[str] = set()
        self.kept: dict[int, dict[str, Any]] = {}
        """What a duplicate needs of its original: name parts, phone, e-mail, first contact."""
        self.rep_pool: dict[str, _Weighted] = {}
        """Sales region -> its reps, weighted by their share of the region's customers."""

    # ---- calendar

    def _day_weights(self) -> np.ndarray:
        """How likely an order is placed on each day: few on weekends, fewer around Spring
        Festival (February), more before the half-year and year-end closings."""
        weekday = (1.0, 1.0, 1.0, 1.0, 1.0, 0.25, 0.08)
        month = {1: 0.85, 2: 0.55, 3: 1.05, 6: 1.1, 9: 1.05, 11: 1.05, 12: 1.25}
        return np.array([weekday[d.weekday()] * month.get(d.month, 1.0) for d in self.day_dates])

    # ---- plan

    def plan(self) -> _Plan:
        n, g = self.n, self.np
        n_closed = round(n * CLOSED_SHARE)
        n_lost = round(n * LOST_SHARE)
        statuses = np.array(
            [CustomerStatus.CLOSED] * n_closed
            + [CustomerStatus.LOST] * n_lost
            + [CustomerStatus.POTENTIAL] * (n - n_closed - n_lost),
            dtype=object,
        )
        g.shuffle(statuses)
        status = list(statuses)

        weights = np.array([c.weight for c in self.cities])
        city = g.choice(len(self.cities), size=n, p=weights / weights.sum())

        duplicate_of: dict[int, int] = {}
        duplicate_kind: dict[int, str] = {}
        latin_bases: set[int] = set()
        n_dup = max(2, round(n * DUPLICATE_SHARE)) if n >= 50 else 0
        if n_dup:
            # Duplicates sit among the later records (entered after the original) ...
            dups = sorted(int(i) for i in g.choice(np.arange(n // 4, n), size=n_dup, replace=False))
            dup_set = set(dups)
            taken: set[int] = set()
            for k, d in enumerate(dups):
                # ... and point to an earlier record that is not itself a duplicate.
                while True:
                    base = int(g.integers(0, d))
                    if base not in dup_set and base not in taken:
                        break
                taken.add(base)
                duplicate_of[d] = base
                kind = _DUPLICATE_KINDS[k % len(_DUPLICATE_KINDS)]
                duplicate_kind[d] = kind
                if kind == "fullwidth":
                    latin_bases.add(base)
                city[d] = city[base]

        closed = np.array([s is CustomerStatus.CLOSED for s in status], dtype=bool)
        lost = np.array([s is CustomerStatus.LOST for s in status], dtype=bool)
        buyers = closed | lost

        # Yearly amount and order density of everyone (only buyers use them).
        amount_z = g.standard_normal(n)
        yearly = np.minimum(np.exp(math.log(AMOUNT_MEDIAN_YUAN) + AMOUNT_SIGMA * amount_z), AMOUNT_CAP_YUAN)
        rho = DENSITY_AMOUNT_CORRELATION
        density_z = rho * amount_z + math.sqrt(1 - rho * rho) * g.standard_normal(n)
        density = np.clip(np.exp(math.log(DENSITY_MEDIAN) + DENSITY_SIGMA * density_z), 0.5, 80.0)
        per_order = yearly / density
        trend = g.normal(0.0, 0.35, n)

        # When each customer may order: closed ones all along, or since they were won
        # (a quarter of them during the window); lost ones until 2-18 months ago.
        last = self.days - 1
        start = np.zeros(n, dtype=np.int64)
        end = np.full(n, last, dtype=np.int64)
        late_start = g.integers(0, max(1, self.days - 90), n)
        won_lately = closed & (g.random(n) < 0.25)
        start[won_lately] = late_start[won_lately]
        lost_lately_won = lost & (g.random(n) < 0.15)
        start[lost_lately_won] = late_start[lost_lately_won] // 2
        stopped = np.minimum(np.maximum(start + 30, last - g.integers(60, 541, n)), last)
        end[lost] = stopped[lost]
        per_order[lost] *= 0.6  # customers that walk away are more often the smaller ones

        count = np.zeros(n, dtype=np.int64)
        expected = np.where(buyers, density * (end - start + 1) / 365.0, 0.0)
        count[buyers] = np.maximum(g.poisson(expected)[buyers], 1)  # a closed or lost customer has bought

        # A few potential customers placed one or two small trial orders (试单) this year.
        trial = ~buyers & (g.random(n) < 0.15)
        start[trial] = max(0, last - 300)
        count[trial] = g.integers(1, 3, n)[trial]
        per_order[trial] = np.exp(g.normal(math.log(8_000), 0.7, n))[trial]

        main_product = np.searchsorted(self.product_cdf, g.random(n), side="right")
        main_product = np.minimum(main_product, len(self.product_names) - 1)

        # Bigger buyers tend to be bigger companies; potential ones are any size.
        size_weights = np.array([w for _, w in self.seeds.sizes])
        bounds = np.cumsum(size_weights / size_weights.sum())[:-1]
        noise_sd = 0.8
        cuts = [NormalDist(0.0, math.sqrt(1 + noise_sd**2)).inv_cdf(float(b)) for b in bounds]
        size_score = amount_z + g.normal(0.0, noise_sd, n)
        size = np.searchsorted(np.array(cuts), size_score)
        random_size = np.searchsorted(bounds, g.random(n))
        size = np.where(buyers, size, random_size)

        return _Plan(
            status=status,
            city=city,
            duplicate_of=duplicate_of,
            duplicate_kind=duplicate_kind,
            originals=set(duplicate_of.values()),
            latin_bases=latin_bases,
            start=start,
            end=end,
            trend=trend,
            order_count=count,
            per_order_yuan=per_order,
            main_product=main_product,
            size=size,
            city_list=city.tolist(),
            size_list=size.tolist(),
            count_list=count.tolist(),
            start_list=start.tolist(),
        )

    # ---- reps

    def reps(self, first_id: int) -> tuple[list[dict[str, Any]], dict[str, list[tuple[int, float]]]]:
        """Rep rows and, per sales region, the reps covering it with their share of its customers."""
        seeds, rng = self.seeds, self.rng
        if self.n_reps <= 0:
            return [], {}
        region_weight = {r: 0.0 for r in seeds.regions}
        for c in self.cities:
            region_weight[c.region] += c.weight
        regions = sorted(seeds.regions, key=lambda r: -region_weight[r])
        covers: list[list[str]]
        if self.n_reps >= len(regions):
            # Largest remainder, at least one rep per region.
            total = sum(region_weight.values())
            spare = self.n_reps - len(regions)
            quotas = {r: spare * region_weight[r] / total for r in regions}
            seats = {r: 1 + int(quotas[r]) for r in regions}
            left = self.n_reps - sum(seats.values())
            for r in sorted(regions, key=lambda r: -(quotas[r] - int(quotas[r])))[:left]:
                seats[r] += 1
            covers = [[r] for r in regions for _ in range(seats[r])]
        else:
            covers = [[] for _ in range(self.n_reps)]
            for k, r in enumerate(regions):
                covers[k % self.n_reps].append(r)
        rows: list[dict[str, Any]] = []
        by_region: dict[str, list[tuple[int, float]]] = {}
        used_names: set[str] = set()
        for k, cover in enumerate(covers):
            while True:
                name, pinyin = self.person_name()
                if name not in used_names:
                    used_names.add(name)
                    break
            rep_id = first_id + k
            hired = self.as_of.year - rng.randint(1, 12)
            rows.append(
                {
                    "id": rep_id,
                    "name": name,
                    "employee_no": f"XS{hired}{k + 1:03d}",
                    "phone": self.mobile(),
                    "email": f"{pinyin}@{seeds.seller_email_domain}",
                    "region": "、".join(cover),
                    "active": True,
                }
            )
            # Senior reps carry more accounts than new ones.
            share = rng.uniform(0.6, 1.4)
            for region in cover:
                by_region.setdefault(region, []).append((rep_id, share))
        return rows, by_region

    # ---- small pieces

    def person_name(self) -> tuple[str, str]:
        """A Chinese name and a pinyin login (zhangwei, ouyanglin)."""
        rng = self.rng
        surname, surname_py = self.surnames.pick(rng)
        male = rng.random() < 0.6
        pool = self.seeds.given_male if male else self.seeds.given_female
        if rng.random() < 0.35:
            given = rng.choice(pool)
        else:
            first = self.seeds.given_first_male if male else self.seeds.given_first_female
            given = rng.choice(first) + rng.choice(pool)
        return surname + given, surname_py + _part_pinyin(given)[0]

    def mobile(self) -> str:
        rng = self.rng
        while True:
            number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def landline(self, area_code: str) -> str:
        rng = self.rng
        while True:
            local = f"{rng.randint(2, 8)}{rng.randrange(10_000_000):07d}"
            key = area_code + local
            if key not in self.used_phones:
                self.used_phones.add(key)
                return f"{area_code}-{local}"

    def moment(self, day: date) -> datetime:
        """A time during office hours on ``day``."""
        return datetime(day.year, day.month, day.day, 8, 30) + timedelta(seconds=self.rng.randrange(10 * 3600))

    def address(self, city: City, district: str) -> str:
        rng, seeds = self.rng, self.seeds
        road = rng.choice(seeds.roads) + rng.choice(seeds.road_suffixes)
        number = int(rng.paretovariate(1.2) * 8) % 999 + 1
        r = rng.random()
        if r < 0.55:
            return f"{district}{road}{number}号"
        if r < 0.8:
            return f"{district}{road}{number}号{rng.choice(seeds.parks)}{rng.randint(1, 12)}栋{rng.randint(1, 8)}楼"
        floor = rng.randint(2, 32)
        return f"{district}{road}{number}号{city.short}{rng.choice(seeds.buildings)}{floor}{rng.randint(1, 20):02d}室"

    # ---- customers

    def company(self, city: City, industry: Industry, size: int, latin: bool) -> dict[str, str]:
        """Name parts of a new company whose mail-domain label is not taken yet."""
        rng, seeds = self.rng, self.seeds
        for attempt in range(1000):
            if latin or rng.random() < 0.03:
                # A few names carry Latin letters (like TCL): the full-width duplicates need them.
                brand = "".join(rng.choices(_LATIN, k=rng.choice((2, 3, 3, 4))))
                brand_py = brand.lower()
            else:
                length = 3 if rng.random() < 0.3 or attempt > 50 else 2
                chars = seeds.brand_chars
                brand = rng.choice(chars)
                while len(brand) < length:
                    char = rng.choice(chars)
                    if char not in brand:
                        brand += char
                # Per character is enough for a mail domain, and brands are too varied to cache.
                brand_py = "".join(self.char_pinyin[c] for c in brand)
            word = rng.choice(industry.words)
            label = brand_py + _part_pinyin(word)[1][:4]
            if attempt > 200:
                label += str(rng.randint(2, 99))  # vocabulary exhausted: a number keeps domains apart
            if label not in self.used_labels:
                self.used_labels.add(label)
                break
        form = self.legal_forms.pick(rng)
        if form == "集团有限公司" and size < 2:
            form = "有限公司"  # a group of companies is not a 30-person workshop
        if form == "实业有限公司":
            # 实业 is part of the name proper (normalise_company_name keeps it), not of the legal form.
            word, form = word + "实业", "有限公司"
        r = rng.random()
        # The place prefix, and how else one may write it (深圳市 / 深圳, 四川 / 四川省).
        if r < 0.55:
            prefix, other = city.name, city.short
        elif r < 0.80:
            prefix, other = city.short, city.name
        elif r < 0.90:
            prefix, other = city.province_short, city.province
        else:
            prefix, other = "", ""
        if prefix or r < 0.95:
            core = f"{prefix}{brand}{word}" if prefix else f"{brand}（{city.short}）{word}"
        else:
            core = f"{brand}{word}"
        return {
            "prefix": prefix,
            "other_prefix": other,
            "brand": brand,
            "word": word,
            "form": form,
            "core": core,
            "label": label,
        }

    def customer(
        self, i: int, cid: int, plan: _Plan, first_order: date | None, last_order: date | None
    ) -> tuple[dict[str, Any], str]:
        """The customer row and its mail domain ('' when it has none)."""
        rng, seeds = self.rng, self.seeds
        status: CustomerStatus = plan.status[i]
        city = self.cities[plan.city_list[i]]
        size = plan.size_list[i]
        base = self.kept.get(plan.duplicate_of.get(i, -1))
        if base is not None:
            industry = base["industry"]
            district = base["district"] if rng.random() < 0.9 else self.districts[city.name].pick(rng)
            parts = base["parts"]
            name = _duplicate_name(parts, plan.duplicate_kind[i])
        else:
            industry = self.industries.pick(rng)
            district = self.districts[city.name].pick(rng)
            parts = self.company(city, industry, size, latin=i in plan.latin_bases)
            name = parts["core"] + parts["form"]
        brand, word = parts["brand"], parts["word"]
        r = rng.random()
        short_name = brand + word[:2] if r < 0.5 else brand if r < 0.8 else brand + word

        domain = parts["label"] + self.tlds.pick(rng)
        r = rng.random()
        has_domain = r < 0.70
        if has_domain:
            email = f"{rng.choice(seeds.company_mailboxes)}@{domain}"
        elif r < 0.85:
            email = f"{parts['label']}{rng.randint(1, 9999)}@{self.free_mail.pick(rng)}"
        else:
            email = ""
        website = f"www.{domain}" if has_domain and (size >= 1 or rng.random() < 0.4) else ""
        phone = self.landline(city.area_code) if rng.random() < 0.9 else self.mobile()
        fax = self.landline(city.area_code) if rng.random() < 0.3 else ""
        address = self.address(city, district)

        if base is not None:
            # Someone entered the same company again: often with its switchboard number
            # (typed differently) or its mailbox, at the same address.
            if rng.random() < 0.5:
                phone = _retype_phone(base["phone"], rng)
            if rng.random() < 0.4:
                email = base["email"]
            if rng.random() < 0.5:
                address = base["address"]

        ratings = seeds.credit_ratings
        credit = self.credit[status.value if status.value in ratings else "potential"].pick(rng)
        terms = self.terms.get(credit, self.terms[""]).pick(rng)
        close_likelihood = 0
        if status is CustomerStatus.POTENTIAL:
            close_likelihood = self.likelihood.pick(rng)
            if plan.count_list[i]:
                close_likelihood = min(95, close_likelihood + 20)  # a trial order is a good sign
        is_member = (status is CustomerStatus.CLOSED and rng.random() < 0.2 + 0.1 * size) or (
            status is CustomerStatus.LOST and rng.random() < 0.05
        )
        r = rng.random()
        notes = "" if r < 0.5 else rng.choice(seeds.notes) if r < 0.9 else "；".join(rng.sample(seeds.notes, 2))

        created_day = self._created_day(i, plan, first_order)
        created_at = self.moment(created_day)
        touched = max(created_day, last_order or created_day)
        updated_day = min(self.last_edit_day, touched + timedelta(days=rng.randint(0, 60)))
        updated_at = max(created_at, self.moment(updated_day))
        pinyin, initials = pinyin_keys(name)
        row = {
            "id": cid,
            "name": name,
            "short_name": short_name,
            "pinyin": pinyin,
            "initials": initials,
            "industry": industry.name,
            "size": seeds.sizes[size][0],
            "province": city.province,
            "city": city.name,
            "district": district,
            "address": address,
            "phone": phone,
            "fax": fax,
            "email": email,
            "website": website,
            "source": self.sources.pick(rng),
            "credit_rating": credit,
            "trade_terms": terms,
            "business_scope": industry.scope,
            "status": status.value,
            "close_likelihood": close_likelihood,
            "is_member": is_member,
            "notes": notes,
            "owner_id": self._owner(city, base),
            "created_at": created_at,
            "updated_at": updated_at,
            "deleted_at": None,
            "merged_into_id": None,
        }
        if i in plan.originals:
            self.kept[i] = {
                "parts": parts,
                "industry": industry,
                "district": district,
                "phone": phone,
                "email": email,
                "address": address,
                "owner_id": row["owner_id"],
                "created_day": created_day,
                "contact": None,
            }
        return row, domain if has_domain else ""

    def _created_day(self, i: int, plan: _Plan, first_order: date | None) -> date:
        rng = self.rng
        base = self.kept.get(plan.duplicate_of.get(i, -1))
        if base is not None:
            day = base["created_day"] + timedelta(days=rng.randint(30, 700))
        elif first_order is not None and plan.start_list[i] > 0:
            day = first_order - timedelta(days=rng.randint(7, 120))  # won during the window
        elif first_order is not None:
            day = self.window_start - timedelta(days=rng.randint(30, 2500))  # customer for years
        else:
            day = self.as_of - timedelta(days=rng.randint(1, 1000))
        if first_order is not None:
            day = min(day, first_order)
        return min(day, self.last_edit_day)

    def _owner(self, city: City, base: dict[str, Any] | None) -> int | None:
        if not self.rep_pool:
            return None
        if base is not None and base["owner_id"] is not None and self.rng.random() < 0.5:
            return base["owner_id"]
        return self.rep_pool[city.region].pick(self.rng)

    # ---- contacts

    def contacts(self, i: int, customer: dict[str, Any], domain: str, plan: _Plan) -> list[dict[str, Any]]:
        rng = self.rng
        status: CustomerStatus = plan.status[i]
        size = plan.size_list[i]
        base = self.kept.get(plan.duplicate_of.get(i, -1))
        weights = ((45, 35, 15, 5), (30, 38, 22, 10), (20, 35, 28, 17), (12, 30, 33, 25))[min(size, 3)]
        count = rng.choices((1, 2, 3, 4), weights)[0]
        titles: list[tuple[str, _Weighted]] = []
        while len(titles) < count:
            title = self.titles.pick(rng)
            if title not in titles:
                titles.append(title)
        area_code = customer["phone"].split("-")[0] if "-" in customer["phone"] else ""
        rows: list[dict[str, Any]] = []
        for title, roles in titles:
            name, login = self.person_name()
            r = rng.random()
            if r < 0.88:
                phone = self.mobile()
            elif r < 0.95 and area_code:
                phone = f"{self.landline(area_code)}-{rng.randint(800, 899)}"
            else:
                phone = ""
            r = rng.random()
            if r < 0.45 and domain:
                email = f"{_mail_name(login, name, rng)}@{domain}"
            elif r < 0.65:
                email = (
                    f"{rng.randint(10_000_000, 2_999_999_999)}@qq.com"
                    if rng.random() < 0.5
                    else f"{login}{rng.randint(1, 999)}@{self.free_mail.pick(rng)}"
                )
            else:
                email = ""
            birthday = None
            if rng.random() < 0.4:
                year = self.as_of.year - rng.randint(26, 58)
                birthday = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            rows.append(
                {
                    "customer_id": customer["id"],
                    "name": name,
                    "title": title,
                    "decision_role": roles.pick(rng),
                    "stance": self.stances[status].pick(rng),
                    "phone": phone,
                    "email": email,
                    "birthday": birthday,
                    "personal_notes": self._personal_notes(),
                }
            )
        if base is not None and base["contact"] is not None and rng.random() < 0.5:
            # The same person is on both records (same mobile: the finder can tell).
            rows[0] = {**base["contact"], "customer_id": customer["id"]}
        if i in self.kept:
            self.kept[i]["contact"] = rows[0]
        return rows

    def _personal_notes(self) -> str:
        rng, seeds = self.rng, self.seeds
        facts: list[str] = []
        if rng.random() < 0.35:
            facts.append(rng.choice(seeds.hobbies))
        if rng.random() < 0.15:
            facts.append(rng.choice(seeds.backgrounds))
        if rng.random() < 0.1:
            facts.append(rng.choice(seeds.family))
        if rng.random() < 0.1:
            facts.append(rng.choice(seeds.greetings))
        return "；".join(facts)

    # ---- orders

    def orders(self, lo: int, hi: int, plan: _Plan) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(customer index, day index, amount in fen, product index) of customers lo..hi-1,
        sorted by customer and day."""
        g = self.np
        counts = plan.order_count[lo:hi]
        total = int(counts.sum())
        who = np.repeat(np.arange(lo, hi), counts)
        start, end = plan.start[who], plan.end[who]
        weights = np.diff(self.day_cdf, prepend=0.0)
        low = self.day_cdf[start] - weights[start]
        high = self.day_cdf[end]
        day = np.searchsorted(self.day_cdf, low + g.random(total) * (high - low))
        day = np.clip(day, start, end)

        main = plan.main_product[who]
        other = np.minimum(
            np.searchsorted(self.product_cdf, g.random(total), side="right"), len(self.product_names) - 1
        )
        product = np.where(g.random(total) < 0.5, main, other)

        middle = (start + end) / 2.0
        growth = np.exp(plan.trend[who] * (day - middle) / 365.0)
        noise = np.exp(g.normal(-(ORDER_NOISE_SIGMA**2) / 2, ORDER_NOISE_SIGMA, total))
        yuan = plan.per_order_yuan[who] * self.product_scale[product] * growth * noise
        yuan = np.maximum(yuan, 100.0)
        # Larger amounts are often quoted in round tens of yuan.
        round_ten = (yuan > 5_000) & (g.random(total) < 0.5)
        yuan = np.where(round_ten, np.round(yuan / 10.0) * 10.0, np.round(yuan))
        fen = yuan.astype(np.int64) * 100

        order = np.lexsort((day, who))
        return who[order], day[order], fen[order], product[order]


def _mail_name(login: str, name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return login
    if r < 0.85:
        return f"{login}{rng.randint(1, 99)}"
    return pinyin_keys(name)[1]


def _retype_phone(phone: str, rng: random.Random) -> str:
    """The same number as another person would type it."""
    digits = phone.replace("-", "")
    if "-" not in phone:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    area, local = phone.split("-", 1)
    return rng.choice((f"{area}{local}", f"({area}){local}", f"{area} {local[:4]} {local[4:]}", phone))


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}


def _duplicate_name(parts: dict[str, str], kind: str) -> str:
    """Another spelling of the original's name, as a second rep would have typed it."""
    core, form = parts["core"], parts["form"]
    name = core + form
    if kind == "fullwidth" and parts["brand"].isascii():
        return "".join(_FULL_WIDTH.get(c, c) for c in name)
    prefix, other = parts["prefix"], parts["other_prefix"]
    if kind == "other_prefix" and prefix and abs(len(other) - len(prefix)) == 1:
        # 深圳市 / 深圳, 四川 / 四川省 (not 新疆 / 新疆维吾尔自治区, too different to look alike).
        return other + name[len(prefix) :]
    if kind == "gufen":
        return f"{core}（股份）有限公司"
    if kind == "swap_form":
        return core + ("股份有限公司" if form == "有限公司" else "有限公司")
    if kind == "space" and prefix:
        return f"{prefix} {name[len(prefix) :]}"
    # no_form, and the fallback of the kinds above that do not fit this name.
    for legal in _STRIPPABLE_FORMS:
        if name.endswith(legal):
            return name[: -len(legal)]
    return name


# --------------------------------------------------------------------------- writing


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` with one executemany.

    Elsewhere this is a Core insert.  On SQLite, SQLAlchemy's per-row parameter
    handling costs about three times what SQLite itself needs, so the rows go to
    the driver as tuples, each value passed through the column type's own bind
    processor first: what is stored is exactly what a Core insert would store.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    values: list[tuple[Any, ...]] = list(map(itemgetter(*columns), rows))  # tables here have several columns
    types = [table.c[c].type for c in columns]
    processors = [t.dialect_impl(dialect).bind_processor(dialect) for t in types]
    if any(processors):
        by_column = list(zip(*values, strict=True))
        for k, process in enumerate(processors):
            if process is None:
                continue
            if isinstance(types[k], Date):
                memo: dict[Any, Any] = {}  # a few hundred distinct order dates: format each once
                by_column[k] = tuple(memo[v] if v in memo else memo.setdefault(v, process(v)) for v in by_column[k])
            else:
                by_column[k] = tuple(map(process, by_column[k]))
        values = list(zip(*by_column, strict=True))
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(c) for c in columns)}) VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(sql, values)


@contextmanager
def _indexes_deferred(session: Session, tables: Sequence[Table]) -> Iterator[None]:
    """On SQLite, drop the plain indexes of ``tables`` and build them again at the end.

    Rows arriving in random key order (orders by date) make SQLite update a B-tree
    page per row; one CREATE INDEX after the load sorts once and is several times
    faster.  DDL is transactional in SQLite, so a cancelled load leaves the indexes
    as they were.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    quote = connection.dialect.identifier_preparer.quote
    inspector = inspect(connection)
    dropped: list[str] = []
    for table in tables:
        for index in inspector.get_indexes(table.name):
            columns = index["column_names"]
            if not index["name"] or not columns or None in columns or index.get("dialect_options"):
                continue  # expression or partial index: leave it alone
            unique = "UNIQUE " if index["unique"] else ""
            dropped.append(
                f"CREATE {unique}INDEX {quote(index['name'])} ON {quote(table.name)} "
                f"({', '.join(quote(c) for c in columns if c is not None)})"
            )
            connection.exec_driver_sql(f"DROP INDEX {quote(index['name'])}")
    yield
    for ddl in dropped:
        connection.exec_driver_sql(ddl)


def _write(gen: _Generator, session: Session, report: Progress) -> DemoSummary:
    report(0, gen.n)
    first_rep = (session.scalar(select(func.max(Rep.id))) or 0) + 1
    rep_rows, by_region = gen.reps(first_rep)
    _insert(session, cast(Table, Rep.__table__), rep_rows)
    gen.rep_pool = {region: _Weighted(pairs) for region, pairs in by_region.items()}
    plan = gen.plan()
    first_cid = (session.scalar(select(func.max(Customer.id))) or 0) + 1

    n_contacts = n_orders = sales = 0
    first_day: date | None = None
    with _indexes_deferred(session, [CUSTOMERS, CONTACTS, ORDERS, EVENTS]):
        for lo in range(0, gen.n, _CHUNK):
            hi = min(gen.n, lo + _CHUNK)
            who, day, fen, product = gen.orders(lo, hi, plan)
            counts = plan.count_list[lo:hi]
            days = day.tolist()
            customers: list[dict[str, Any]] = []
            contacts: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            position = 0
            for k, count in enumerate(counts):
                i = lo + k
                first = gen.day_dates[days[position]] if count else None
                last = gen.day_dates[days[position + count - 1]] if count else None
                position += count
                row, domain = gen.customer(i, first_cid + i, plan, first, last)
                customers.append(row)
                contacts.extend(gen.contacts(i, row, domain, plan))
                events.append({"customer_id": row["id"], "at": row["created_at"], "kind": "created", "detail": "demo"})
            names = gen.product_names
            dates = gen.day_dates
            orders = [
                {"customer_id": first_cid + w, "order_date": dates[d], "amount_fen": a, "product": names[p]}
                for w, d, a, p in zip(who.tolist(), days, fen.tolist(), product.tolist(), strict=True)
            ]
            _insert(session, CUSTOMERS, customers)
            _insert(session, CONTACTS, contacts)
            _insert(session, ORDERS, orders)
            _insert(session, EVENTS, events)
            n_contacts += len(contacts)
            n_orders += len(orders)
            sales += int(fen.sum())
            if len(days):
                chunk_first = dates[int(day.min())]
                first_day = chunk_first if first_day is None else min(first_day, chunk_first)
            if hi < gen.n:
                report(hi, gen.n)
    report(gen.n, gen.n)  # only now: rebuilding the indexes is part of the work
    return DemoSummary(
        reps=len(rep_rows),
        customers=gen.n,
        contacts=n_contacts,
        orders=n_orders,
        duplicates=len(plan.duplicate_of),
        sales_fen=sales,
        first_order_day=first_day or gen.window_start,
        as_of=gen.as_of,
        seed=gen.seed,
    )


def generate_demo(
    db: Database,
    customers: int = 2000,
    reps: int = 12,
    seed: int = DEFAULT_SEED,
    as_of: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the empty database ``db`` with ``reps`` sales reps and ``customers`` customers
    (contacts, two years of orders ending on ``as_of``, default today), all in one transaction.

    The same ``seed`` and ``as_of`` give the same data.  ``progress(done, total)`` is
    called after every chunk of customers; if it raises (a cancelled job), nothing is
    written.  Raises :class:`ValueError` when the database already holds customers,
    so demo data never mixes with real records.
    """
    if customers < 0 or reps < 0:
        raise ValueError("the numbers of customers and reps cannot be negative")
    as_of = as_of or date.today()
    report = progress or no_progress
    with db.transaction() as session:
        existing = session.scalar(select(func.count()).select_from(Customer)) or 0
        if existing:
            raise ValueError(
                f"Demo data can only be generated into an empty database; this one already holds {existing} customers."
            )
        return _write(_Generator(load_seeds(), seed, as_of, customers, reps), session, report)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m storage.demo DB [--customers N]``: make a demo database and say how long it took."""
    from storage.db import open_database

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("database", help="SQLite file (created) or database URL")
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=12)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    db = open_database(args.database)
    try:
        started = time.perf_counter()
        summary = generate_demo(db, args.customers, args.reps, args.seed, args.as_of)
        print(f"{summary} in {time.perf_counter() - started:.1f} s")
    finally:
        db.close()


if __name__ == "__main__":
    main()
