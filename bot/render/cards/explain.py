"""Why a forecast is what it is: one product's series and models, or a group's, and the
yearly season its sales show."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card, group_label, run_line
from bot.render.cards.feedback import beside_notes
from bot.render.i18n import MONTHS, date, number, pct, t, text_for
from planning.forecast.demand import SEASON_LENGTH
from planning.forecast.explain import (
    ForecastExplanation,
    GroupExplanation,
    OneOffWeek,
    SalesComparison,
    SeasonFinding,
    SeriesReason,
    model_kind,
)
from planning.forecast.seasonality import (
    one_year_possible,
    own_season_possible,
    season_lender,
    season_of_one_year,
)

TEXT: dict[str, tuple[str, str]] = {
    "forecast.explain_card.parts": (
        "Forecast {forecast_weekly}/week for the next 13 weeks",
        "Previsione {forecast_weekly}/settimana per le prossime 13 settimane",
    ),
    "forecast.explain_card.text": (
        "{value} vs the last 13 weeks ({recent_weekly}/week)",
        "{value} rispetto alle ultime 13 settimane ({recent_weekly}/settimana)",
    ),
    "forecast.explain_card.text_2": (
        "{value} vs the same weeks last year ({last_year_weekly}/week)",
        "{value} rispetto alle stesse settimane dell'anno scorso ({last_year_weekly}/settimana)",
    ),
    "forecast.explain_card.text_3": (
        "{location}: the model failed, a simple fallback is used.",
        "{location}: il modello non ha funzionato, uso un metodo semplice.",
    ),
    "forecast.explain_card.not_repeated": (
        "{series}: not repeated, as one-offs: {weeks}{more}.",
        "{series}: non ripetute, perché eccezionali: {weeks}{more}.",
    ),
    "forecast.explain_card.borrowed_season": (
        "{series}: too little history for a season of its own: it follows the season of its "
        "family {family}, pooled over the sister products with two years or more.",
        "{series}: storico troppo breve per una stagionalità propria: segue quella della sua "
        "famiglia {family}, calcolata sui prodotti fratelli con almeno due anni di vendite.",
    ),
    "forecast.explain_card.one_year_season": (
        "{series}: {periods} {unit} of sales hold one year, too little to check a season "
        "against a second: the rise and fall of that year, more than a trend or a single "
        "step explains, is taken as its season.",
        "{series}: {periods} {unit} di vendite coprono un solo anno, troppo poco per "
        "verificare una stagionalità su un secondo: l'andamento di quell'anno, più di quanto "
        "spieghino una tendenza o un solo scalino, è preso come sua stagionalità.",
    ),
    "forecast.explain_card.no_clear_season": (
        "{series}: {periods} {unit} of sales hold one year, whose rise and fall a trend or a "
        "single step explains as well as a season, and its family has none that fits them: "
        "the forecast follows its level and trend, without a season.",
        "{series}: {periods} {unit} di vendite coprono un solo anno, il cui andamento una "
        "tendenza o un solo scalino spiegano quanto una stagionalità, e la sua famiglia non "
        "ne ha una che si adatti: la previsione segue livello e tendenza, senza stagionalità.",
    ),
    "forecast.explain_card.no_season": (
        "{series}: {periods} {unit} of sales are too few for a season of its own, and its "
        "family has none that fits them: the forecast follows its level and trend, without a "
        "season.",
        "{series}: {periods} {unit} di vendite sono troppo poche per una stagionalità propria, "
        "e la sua famiglia non ne ha una che si adatti: la previsione segue livello e "
        "tendenza, senza stagionalità.",
    ),
    "forecast.explain_card.unit.week": ("weeks", "settimane"),
    "forecast.explain_card.unit.month": ("months", "mesi"),
    "forecast.explain_card.one_off.promotion": (
        "week of {week}, {actual} sold in a promotion (usually {used})",
        "settimana del {week}, {actual} venduti in promozione (di solito {used})",
    ),
    "forecast.explain_card.one_off.spike": (
        "week of {week}, a one-off peak of {actual} (usually {used})",
        "settimana del {week}, un picco isolato di {actual} (di solito {used})",
    ),
    "forecast.explain_card.one_off.more": (
        " and {count} earlier weeks",
        " e altre {count} settimane prima",
    ),
    "forecast.explain_card.text_4": (
        "Validation error (MASE) below 1 means the model beat a seasonal naive forecast on "
        "the most recent held-out weeks.",
        "Un errore di validazione (MASE) sotto 1 significa che il modello ha battuto la "
        "previsione stagionale ingenua sulle ultime settimane tenute da parte.",
    ),
    "forecast.explain_card.columns": (
        "series",
        "serie",
    ),
    "forecast.explain_card.columns_2": (
        "pattern",
        "andamento",
    ),
    "forecast.explain_card.columns_3": (
        "model",
        "modello",
    ),
    "forecast.explain_card.columns_4": (
        "{unit} of history",
        "{unit} di storico",
    ),
    "forecast.explain_card.source": (
        "Source: ",
        "Fonte: ",
    ),
    "forecast.explain_card.season": (
        "Sales show a yearly season (over {years} years): highest {peak} ({peak_pct} "
        "against the year's average), lowest {low} ({low_pct}).",
        "Le vendite mostrano una stagionalità annuale (su {years} anni): più alte {peak} "
        "({peak_pct} rispetto alla media dell'anno), più basse {low} ({low_pct}).",
    ),
    "forecast.explain_card.no_season_found.short_history": (
        "Too little history to tell a yearly season from a trend: sales cover {periods} "
        "{unit}, and it takes two years ({needed}).",
        "Storico troppo breve per distinguere una stagionalità annuale da una tendenza: le "
        "vendite coprono {periods} {unit}, e ci vogliono due anni ({needed}).",
    ),
    "forecast.explain_card.no_season_found.irregular": (
        "No yearly season can be read from sales that come this sporadically.",
        "Da vendite così sporadiche non si legge una stagionalità annuale.",
    ),
    "forecast.explain_card.season_within_noise": (
        "The models with a yearly season were chosen because they forecast the held-out weeks "
        "best; the season they carry is within that week-to-week noise.",
        "I modelli con una stagionalità annuale sono stati scelti perché prevedevano meglio le "
        "settimane tenute da parte; la stagionalità che portano sta dentro quel rumore "
        "settimanale.",
    ),
    "forecast.explain_card.no_season_found.noise": (
        "Sales show no clear yearly season: their ups and downs over the year are no larger "
        "than the noise from one week to the next.",
        "Le vendite non mostrano una stagionalità annuale chiara: gli alti e bassi dell'anno "
        "non superano il rumore da una settimana all'altra.",
    ),
    "forecast.group_explain_card.title": (
        "Why the forecast · {group}",
        "Perché la previsione · {group}",
    ),
    "forecast.group_explain_card.series": (
        "{series} series over {products} products ({patterns}).",
        "{series} serie su {products} prodotti ({patterns}).",
    ),
    "forecast.group_explain_card.series_one": (
        "{series} series of one product ({patterns}).",
        "{series} serie di un solo prodotto ({patterns}).",
    ),
    "forecast.explain_card.months": ("in {first}–{last}", "tra {first} e {last}"),
    "forecast.explain_card.month": ("in {month}", "a {month}"),
    "forecast.group_explain_card.kind.own_season": (
        "with their own yearly season (MSTL, seasonal naive)",
        "con la propria stagionalità annuale (MSTL, naive stagionale)",
    ),
    "forecast.group_explain_card.kind.family_season": (
        "too new for their own: their family's season",
        "troppo recenti per la propria: la stagionalità della famiglia",
    ),
    "forecast.group_explain_card.kind.one_year_season": (
        "the season of the one year they have",
        "la stagionalità del solo anno che hanno",
    ),
    "forecast.group_explain_card.kind.no_season": (
        "level and trend, without a season",
        "livello e tendenza, senza stagionalità",
    ),
    "forecast.group_explain_card.kind.monthly_models": (
        "ETS, Theta and CES by month, with a season where they found one",
        "ETS, Theta e CES per mese, con la stagionalità dove l'hanno trovata",
    ),
    "forecast.group_explain_card.kind.sporadic": (
        "sporadic demand (Croston, ADIDA, IMAPA, TSB)",
        "domanda sporadica (Croston, ADIDA, IMAPA, TSB)",
    ),
    "forecast.group_explain_card.kind.fallback": (
        "a simple fallback (too little history, or the models failed)",
        "un metodo semplice (storico troppo breve, o i modelli non hanno funzionato)",
    ),
    "forecast.group_explain_card.columns": ("how forecast", "come è prevista"),
    "forecast.group_explain_card.columns_2": ("series", "serie"),
    "forecast.group_explain_card.columns_3": ("median MASE", "MASE mediano"),
    "forecast.group_explain_card.least_accurate": (
        "Least accurate on the held-out weeks: {series}.",
        "Meno accurate sulle settimane tenute da parte: {series}.",
    ),
    "forecast.group_explain_card.one_off": (
        "1 week of a promotion or a one-off peak is not repeated in the forecast (the "
        "product's explanation names it).",
        "1 settimana di promozione o picco isolato non è ripetuta nella previsione (la "
        "spiegazione del prodotto la indica).",
    ),
    "forecast.group_explain_card.one_offs": (
        "{weeks} weeks of promotions or one-off peaks are not repeated in the forecast "
        "(a product's explanation names them).",
        "{weeks} settimane di promozioni o picchi isolati non sono ripetute nella previsione "
        "(la spiegazione di un prodotto le elenca).",
    ),
}
i18n.register(TEXT)

PATTERNS = {  # demand pattern -> its words
    "smooth": ("steady demand", "domanda regolare"),
    "intermittent": (
        "intermittent demand (many weeks without sales)",
        "domanda intermittente (molte settimane senza vendite)",
    ),
    "lumpy": ("lumpy demand (rare and variable)", "domanda irregolare (rara e variabile)"),
    "erratic": (
        "erratic demand (regular but very variable)",
        "domanda erratica (regolare ma molto variabile)",
    ),
    "too_short": ("too little history (mean so far)", "storico troppo corto (media finora)"),
    "all_zero": ("no sales yet", "nessuna vendita finora"),
}
i18n.register({f"forecast.pattern.{k}": v for k, v in PATTERNS.items()})


SHOWN_ONE_OFFS = 3


def _why_no_season(s: SeriesReason, grain: str, horizon: int) -> str | None:
    """For a regular series whose history could carry no season it can validate (and that
    took none), the note that says why: too little history, or one year that shows none."""
    if s.fallback or s.pattern not in ("smooth", "erratic") or grain not in SEASON_LENGTH:
        return None
    season = SEASON_LENGTH[grain]
    if own_season_possible(s.history_periods, horizon, season):
        return None
    one_year = one_year_possible(s.history_periods, season)
    return f"forecast.explain_card.{'no_clear_season' if one_year else 'no_season'}"


def _not_repeated(lang: str, series: str, weeks: tuple[OneOffWeek, ...]) -> str:
    """The weeks a series' forecast does not repeat, the most recent SHOWN_ONE_OFFS named."""
    named = [
        t(
            lang,
            f"forecast.explain_card.one_off.{w.reason}",
            week=date(lang, w.week),
            actual=number(lang, w.actual),
            used=number(lang, w.used),
        )
        for w in weeks[:SHOWN_ONE_OFFS]
    ]
    rest = len(weeks) - SHOWN_ONE_OFFS
    more = t(lang, "forecast.explain_card.one_off.more", count=rest) if rest > 0 else ""
    return t(lang, "forecast.explain_card.not_repeated", series=series, weeks="; ".join(named),
             more=more)  # fmt: skip


def explain_card(e: ForecastExplanation, lang: str) -> Card:
    parts = _compared(lang, e.compared)
    rows = []
    notes = []
    for s in e.series:
        mase = "–" if s.validation_mase is None else number(lang, s.validation_mase, 2)
        rows.append(
            (
                s.location or s.territory,
                text_for(lang, f"forecast.pattern.{s.pattern}", s.pattern),
                s.model,
                mase,
                number(lang, s.history_periods),
            )
        )
        if s.fallback:
            notes.append(t(lang, "forecast.explain_card.text_3", location=s.location))
        if s.not_repeated:
            notes.append(_not_repeated(lang, s.location or s.territory, s.not_repeated))
        lender = season_lender(s.model)
        series = s.location or s.territory or e.sku
        unit = t(lang, f"forecast.explain_card.unit.{e.run.grain}")
        periods = number(lang, s.history_periods)
        if lender:
            notes.append(t(lang, "forecast.explain_card.borrowed_season", series=series,
                           family=lender))  # fmt: skip
        elif season_of_one_year(s.model):
            notes.append(t(lang, "forecast.explain_card.one_year_season", series=series,
                           periods=periods, unit=unit))  # fmt: skip
        elif why := _why_no_season(s, e.run.grain, e.run.horizon):
            notes.append(t(lang, why, series=series, periods=periods, unit=unit))
    notes.append(_season_note(lang, e.season, e.run.grain))
    kinds = {model_kind(s.model, s.pattern, s.fallback, e.run.grain) for s in e.series}
    notes.extend(_season_within_noise(lang, e.season, kinds))
    notes.append(t(lang, "forecast.explain_card.text_4"))
    return Card(
        title=f"{e.sku} · {e.name}",
        headline="; ".join(parts) + ".",
        columns=(
            t(lang, "forecast.explain_card.columns"),
            t(lang, "forecast.explain_card.columns_2"),
            t(lang, "forecast.explain_card.columns_3"),
            "MASE",
            t(
                lang,
                "forecast.explain_card.columns_4",
                unit=t(lang, f"forecast.explain_card.unit.{e.run.grain}"),
            ),
        ),
        rows=tuple(rows),
        notes=tuple(notes) + beside_notes(lang, e.beside),
        source=t(lang, "forecast.explain_card.source")
        + run_line(lang, e.run, tuple(dict.fromkeys(s.model for s in e.series))),
    )


def _compared(lang: str, c: SalesComparison) -> list[str]:
    """The headline's parts: the forecast's weekly average, against recent sales and last year."""
    parts = [
        t(lang, "forecast.explain_card.parts", forecast_weekly=number(lang, c.forecast_weekly))
    ]
    if c.change_vs_recent_pct is not None:
        parts.append(
            t(
                lang,
                "forecast.explain_card.text",
                value=pct(lang, c.change_vs_recent_pct, True),
                recent_weekly=number(lang, c.recent_weekly),
            )
        )
    if c.change_vs_last_year_pct is not None and c.last_year_weekly is not None:
        parts.append(
            t(
                lang,
                "forecast.explain_card.text_2",
                value=pct(lang, c.change_vs_last_year_pct, True),
                last_year_weekly=number(lang, c.last_year_weekly),
            )
        )
    return parts


def _months(lang: str, months: tuple[int, ...]) -> str:
    """ "in Nov–Dec" / "tra nov e dic", or one month: "in Dec" / "a dic"."""
    names = MONTHS.get(lang, MONTHS["en"])
    if len(months) == 1:
        return t(lang, "forecast.explain_card.month", month=names[months[0] - 1])
    return t(lang, "forecast.explain_card.months", first=names[months[0] - 1],
             last=names[months[-1] - 1])  # fmt: skip


def _season_note(lang: str, s: SeasonFinding, grain: str) -> str:
    """Whether the sales show a yearly season, when it peaks and bottoms, or why none is said."""
    if s.shape is None:
        return t(
            lang,
            f"forecast.explain_card.no_season_found.{s.reason}",
            periods=number(lang, s.periods),
            unit=t(lang, f"forecast.explain_card.unit.{grain}"),
            needed=number(lang, s.needed),
        )
    shape = s.shape
    return t(
        lang,
        "forecast.explain_card.season",
        years=number(lang, shape.years),
        peak=_months(lang, shape.peak),
        peak_pct=pct(lang, shape.peak_pct, True),
        low=_months(lang, shape.low),
        low_pct=pct(lang, shape.low_pct, True),
    )


def _season_within_noise(lang: str, s: SeasonFinding, kinds: set[str]) -> list[str]:
    """Models with a season of their own (chosen on held-out weeks, planning.forecast.explain
    .model_kind) beside sales that show none clearly: both true, said why."""
    if s.shape is not None or s.reason != "noise" or "own_season" not in kinds:
        return []
    return [t(lang, "forecast.explain_card.season_within_noise")]


def group_explain_card(g: GroupExplanation, lang: str) -> Card:
    patterns = "; ".join(
        f"{text_for(lang, f'forecast.pattern.{p}', p)}: {number(lang, n)}" for p, n in g.patterns
    )
    notes = [
        t(
            lang,
            "forecast.group_explain_card.series_one"
            if g.products == 1
            else "forecast.group_explain_card.series",
            series=number(lang, g.series),
            products=number(lang, g.products),
            patterns=patterns,
        ),
        _season_note(lang, g.season, g.run.grain),
        *_season_within_noise(lang, g.season, {k.kind for k in g.kinds}),
    ]
    if g.least_accurate:
        named = ", ".join(
            f"{m.sku}@{m.where} ({number(lang, m.validation_mase, 2)})"
            if m.where
            else f"{m.sku} ({number(lang, m.validation_mase, 2)})"
            for m in g.least_accurate
        )
        notes.append(t(lang, "forecast.group_explain_card.least_accurate", series=named))
    if g.one_off_weeks == 1:
        notes.append(t(lang, "forecast.group_explain_card.one_off"))
    elif g.one_off_weeks:
        notes.append(
            t(lang, "forecast.group_explain_card.one_offs", weeks=number(lang, g.one_off_weeks))
        )
    notes.append(t(lang, "forecast.explain_card.text_4"))
    return Card(
        title=t(
            lang, "forecast.group_explain_card.title", group=group_label(lang, g.group, g.location)
        ),
        headline="; ".join(_compared(lang, g.compared)) + ".",
        columns=(
            t(lang, "forecast.group_explain_card.columns"),
            t(lang, "forecast.group_explain_card.columns_2"),
            t(lang, "forecast.group_explain_card.columns_3"),
        ),
        rows=tuple(
            (
                t(lang, f"forecast.group_explain_card.kind.{k.kind}"),
                number(lang, k.series),
                "–" if k.median_mase is None else number(lang, k.median_mase, 2),
            )
            for k in g.kinds
        ),
        notes=tuple(notes) + beside_notes(lang, g.beside),
        source=t(lang, "forecast.explain_card.source") + run_line(lang, g.run, g.models),
    )
