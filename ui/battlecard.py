"""The one-page competitor battlecard (竞争对手作战卡): profile, latest intelligence, prices, win/loss.

An HTML :class:`QTextDocument` in the project's CJK-capable fonts (see :mod:`ui.printing`), printed
portrait on A4 through :func:`ui.printing.render_document`; the price chart is a
:class:`widgets.price_chart.PriceChart` grabbed to an image and embedded as a document resource.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from domain.competitors import (
    CATEGORY_CHINESE,
    CATEGORY_ENGLISH,
    RELIABILITY_CHINESE,
    RELIABILITY_ENGLISH,
    Category,
    Reliability,
)
from storage.competitors import Battlecard
from ui.labels import stage_names
from ui.pipeline_page import yuan
from ui.printing import _css_families, _document_font
from widgets.price_chart import PriceChart

CHART_URL = QUrl("battlecard://price-chart.png")
_CHART_SIZE = (700, 235)
DEALS_SHOWN = 6
"""Open deals listed; the rest are counted, so the card stays on one A4 page in Chinese too."""


def category_word(code: str, language: str) -> str:
    words = CATEGORY_CHINESE if language == "zh" else CATEGORY_ENGLISH
    return next((w for c, w in words.items() if c.value == code), code) if code in {c.value for c in Category} else code


def reliability_word(code: str, language: str) -> str:
    words = RELIABILITY_CHINESE if language == "zh" else RELIABILITY_ENGLISH
    return (
        next((w for c, w in words.items() if c.value == code), code) if code in {r.value for r in Reliability} else code
    )


def price_chart_image(card: Battlecard) -> QImage:
    """The card's price history drawn by the page's chart widget, as an image."""
    chart = PriceChart()
    chart.resize(*_CHART_SIZE)
    chart.set_series([(h.product, h.theirs, h.ours) for h in card.prices])
    image = chart.grab().toImage()
    chart.deleteLater()
    return image


def battlecard_document(card: Battlecard, language: str = "zh") -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(_document_font(8))
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)
    title = QCoreApplication.translate("battlecard", "Battlecard: {name}").format(name=card.profile.name)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    if card.prices:
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, price_chart_image(card))
    document.setHtml(_html(card, title, language))
    return document


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' width='18%'>{escape(label)}</th><td>{escape(value) or '—'}</td></tr>"


def _html(card: Battlecard, title: str, language: str) -> str:
    p = card.profile
    no_entries = QCoreApplication.translate("battlecard", "No intelligence recorded yet.")
    no_deals = QCoreApplication.translate("battlecard", "No open deals against them.")
    no_prices = QCoreApplication.translate("battlecard", "No prices observed yet.")
    share = "" if p.expected_share_bp is None else f"{p.expected_share_bp / 100:g}%"
    profile = "".join(
        _row(label, value)
        for label, value in (
            (QCoreApplication.translate("battlecard", "Products"), p.products),
            (QCoreApplication.translate("battlecard", "Strengths"), p.strengths),
            (QCoreApplication.translate("battlecard", "Weaknesses"), p.weaknesses),
            (QCoreApplication.translate("battlecard", "Pricing"), p.pricing),
            (QCoreApplication.translate("battlecard", "After-sales service"), p.after_sales),
            (QCoreApplication.translate("battlecard", "Delivery"), p.delivery),
            (QCoreApplication.translate("battlecard", "Technical support"), p.tech_support),
            (QCoreApplication.translate("battlecard", "Sales target"), p.sales_target),
            (QCoreApplication.translate("battlecard", "Expected market share"), share),
        )
    )
    entries = (
        "".join(
            f"<tr><td width='12%'>{e.observed_on.isoformat()}</td>"
            f"<td width='12%'>{escape(category_word(e.category, language))}</td>"
            f"<td width='9%'>{escape(reliability_word(e.reliability, language))}</td><td>{escape(e.text)}</td></tr>"
            for e in card.entries
        )
        or f"<tr><td>{escape(no_entries)}</td></tr>"
    )
    r = card.record
    rate = "—" if r.win_rate_bp is None else f"{r.win_rate_bp / 100:.0f}%"
    record = QCoreApplication.translate("battlecard",
        "Deals against them: {deals}. Won by us: {won}. Lost to them: {lost} ({lost_amount}). "
        "Lost to others: {others}. Open: {open}. Our win rate: {rate}.",
    ).format(
        deals=r.deals, won=r.won_by_us, lost=r.lost_to_them, lost_amount=yuan(r.lost_to_them_fen),
        others=r.lost_to_others, open=r.open, rate=rate,
    )  # fmt: skip
    stages = stage_names()
    deals = (
        "".join(
            f"<tr><td>{escape(d.customer)}</td><td>{escape(d.name)}</td><td>{escape(stages.get(d.stage, d.stage))}</td>"
            f"<td align='right'>{yuan(d.amount_fen)}</td>"
            f"<td>{d.expected_close.isoformat() if d.expected_close else ''}</td></tr>"
            for d in card.open_deals[:DEALS_SHOWN]
        )
        or f"<tr><td>{escape(no_deals)}</td></tr>"
    )
    more = len(card.open_deals) - DEALS_SHOWN
    if more > 0:
        more_text = QCoreApplication.translate("battlecard", "and {count} more").format(count=more)
        deals += f"<tr><td colspan='5'>{escape(more_text)}</td></tr>"
    reps = card.reps
    rep_line = QCoreApplication.translate("battlecard",
        "Rep sightings: {count} at {customers} customers; {visits} visits a month, {minutes} minutes a stay on "
        "average; dealer promotions seen {promotions} times.",
    ).format(
        count=reps.observations, customers=reps.customers_seen,
        visits="—" if reps.average_visits_per_month is None else f"{reps.average_visits_per_month:.1f}",
        minutes="—" if reps.average_stay_minutes is None else f"{reps.average_stay_minutes:.0f}",
        promotions=reps.dealer_promotions,
    )  # fmt: skip
    chart = (
        f"<p><img src='{CHART_URL.toString()}' width='{_CHART_SIZE[0]}' height='{_CHART_SIZE[1]}'></p>"
        if card.prices
        else f"<p>{escape(no_prices)}</p>"
    )
    h2 = "style='font-size:10pt; margin-top:6px; margin-bottom:2px'"
    table = "cellspacing='0' cellpadding='2' border='1' style='border-collapse:collapse; border-color:#D9D9D9'"
    # Every word is translated outside the f-string: pyside6-lupdate does not look inside f-strings.
    as_of = QCoreApplication.translate("battlecard", "As of {day}").format(day=card.as_of.isoformat())
    profile_title = QCoreApplication.translate("battlecard", "Profile")
    entries_title = QCoreApplication.translate("battlecard", "Latest intelligence")
    prices_title = QCoreApplication.translate("battlecard", "Price history")
    record_title = QCoreApplication.translate("battlecard", "Win / loss")
    deals_title = QCoreApplication.translate("battlecard", "Open deals where they compete")
    return f"""<html><body style="font-family:{_css_families()}; font-size:8pt">
<h1 style='font-size:14pt'>{escape(title)}</h1>
<p>{escape(as_of)}</p>
<h2 {h2}>{escape(profile_title)}</h2>
<table width='100%' {table}>{profile}</table>
<h2 {h2}>{escape(entries_title)}</h2>
<table width='100%' {table}>{entries}</table>
<h2 {h2}>{escape(prices_title)}</h2>
{chart}
<h2 {h2}>{escape(record_title)}</h2>
<p>{escape(record)}</p><p>{escape(rep_line)}</p>
<h2 {h2}>{escape(deals_title)}</h2>
<table width='100%' {table}>{deals}</table>
</body></html>"""
