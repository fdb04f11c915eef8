"""The ontology as a reader sees it: an HTML page made by pyLODE, and the merged Turtle and JSON-LD.

The documents are built once per ontology folder (on the first request) and kept in memory. pyLODE documents
one ontology per graph, so it is given the OWL terms only: the modules' own `owl:Ontology` headers are folded
into the main one, and each term's English and Ukrainian labels become one title. The SKOS schemes are listed
in a section of our own. If pyLODE cannot be imported or fails (its 3.4.1 wheel cannot even be imported), the
page is rendered here from the same graph, so /ontology never fails because of it.
"""

from __future__ import annotations

import html
import logging
import threading
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, VANN

from coopgraph.loading import LoadError, read_turtle

log = logging.getLogger(__name__)

LANGUAGES = ("en", "uk")
TERM_KINDS = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
)
EXTENDING_GUIDE_URL = "/docs/extending"


@dataclass(frozen=True)
class OntologyDocuments:
    html: str
    turtle: str
    jsonld: str
    generator: str  # which tool rendered the HTML page, shown on it


_cache: dict[Path, OntologyDocuments] = {}
_cache_lock = threading.Lock()


def ontology_documents(ontology_dir: Path, *, with_extending_guide: bool = True) -> OntologyDocuments:
    """The documents for this folder, built on first use and then served from memory."""
    key = Path(ontology_dir).resolve()
    with _cache_lock:
        if key not in _cache:
            _cache[key] = build_documents(key, with_extending_guide=with_extending_guide)
        return _cache[key]


def build_documents(ontology_dir: Path, *, with_extending_guide: bool = True) -> OntologyDocuments:
    graph = ontology_graph(ontology_dir)
    prefixes = used_prefixes(graph)
    terms = documentation_graph(graph)
    try:
        page, generator = _render_with_pylode(terms), f"pyLODE {version('pylode')}"
    except Exception as error:  # whatever breaks inside pyLODE, the page is still served
        log.warning("pyLODE could not render the ontology (%s: %s); rendering it plainly", type(error).__name__, error)
        page, generator = _render_terms(graph), "coopgraph"
    page = _decorate(page, graph, generator, with_extending_guide)
    return OntologyDocuments(
        html=page,
        turtle=graph.serialize(format="turtle"),
        jsonld=graph.serialize(format="json-ld", context=prefixes, auto_compact=True),
        generator=generator,
    )


def ontology_graph(ontology_dir: Path) -> Graph:
    """Every Turtle file of the ontology folder (header, modules, SKOS schemes) as one graph."""
    graph, problems = read_turtle(sorted(Path(ontology_dir).rglob("*.ttl")))
    if problems:
        raise LoadError(problems)
    return graph


def used_prefixes(graph: Graph) -> dict[str, str]:
    """The bound prefixes whose namespace some IRI of the graph is in (rdflib binds many more by default)."""
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    bound = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
    return {prefix: namespace for prefix, namespace in sorted(bound.items())
            if any(iri.startswith(namespace) for iri in iris)}


def main_ontology(graph: Graph) -> URIRef:
    """The header ontology: the one that states the namespace; the others are its modules."""
    for ontology in graph.subjects(RDF.type, OWL.Ontology):
        if (ontology, VANN.preferredNamespaceUri, None) in graph:
            return ontology
    raise ValueError("no owl:Ontology with vann:preferredNamespaceUri in the ontology folder")


def documentation_graph(graph: Graph) -> Graph:
    """The OWL terms under one ontology header, each with one bilingual title, for pyLODE."""
    header = main_ontology(graph)
    skipped = set(graph.subjects(RDF.type, SKOS.Concept)) | set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    skipped |= {o for o in graph.subjects(RDF.type, OWL.Ontology) if o != header}
    terms = Graph()
    for prefix, namespace in graph.namespaces():
        terms.bind(prefix, namespace)
    for s, p, o in graph:
        if s in skipped or (s == header and p == OWL.imports) or (p == RDFS.isDefinedBy and o in skipped):
            continue
        if (p == RDFS.label and s != header) or (p == DCTERMS.title and s == header):
            continue  # replaced by one title below, else pyLODE runs "Permission" and "Дозвіл" together
        terms.add((s, p, o))
    for subject in set(graph.subjects(RDFS.label, None)) - skipped - {header}:
        terms.add((subject, RDFS.label, Literal(" · ".join(labels_by_language(graph, subject, RDFS.label)))))
    terms.add((header, DCTERMS.title, Literal(" · ".join(labels_by_language(graph, header, DCTERMS.title)))))
    return terms


def labels_by_language(graph: Graph, subject, predicate) -> list[str]:
    """The values in English, then Ukrainian, then any others."""
    values = list(graph.objects(subject, predicate))
    order = {language: position for position, language in enumerate(LANGUAGES)}
    values.sort(key=lambda v: (order.get(getattr(v, "language", None), len(order)), str(v)))
    return [str(v) for v in values]


def _render_with_pylode(terms: Graph) -> str:
    # pyLODE configures the root logger (basicConfig at DEBUG when imported, and through logging.info calls while
    # rendering): leave it as the service had it.
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    root.setLevel(max(level, logging.WARNING))  # and its progress messages are not the service's news
    try:
        from pylode import OntPub

        return OntPub(ontology=terms).make_html()
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


def _text(graph: Graph, subject, predicate, language: str) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and value.language == language:
            return str(value)
    return ""


def _name(graph: Graph, iri) -> str:
    """A prefixed name where a prefix is bound, else the IRI."""
    try:
        return graph.namespace_manager.normalizeUri(iri) if isinstance(iri, URIRef) else str(iri)
    except ValueError:
        return str(iri)


def _render_terms(graph: Graph) -> str:
    """Our own page: every class and property with its labels and definitions in both languages."""
    header = main_ontology(graph)
    title = _text(graph, header, DCTERMS.title, "en") or str(header)
    sections = [f"<h1>{html.escape(title)}</h1>",
                f"<p>{html.escape(_text(graph, header, DCTERMS.description, 'en'))}</p>",
                f"<p>IRI <code>{html.escape(str(header))}</code> · version "
                f"{html.escape(str(graph.value(header, OWL.versionInfo) or ''))}</p>"]
    for kind, heading in TERM_KINDS:
        subjects = sorted(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef))
        if not subjects:
            continue
        sections.append(f"<h2>{heading}</h2>")
        for term in subjects:
            sections.append(_term_html(graph, term))
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(title)}</title></head><body><div id=\"content\">{''.join(sections)}</div></body></html>")


def _term_html(graph: Graph, term: URIRef) -> str:
    rows = []
    for language in LANGUAGES:
        label = _text(graph, term, RDFS.label, language)
        definition = _text(graph, term, SKOS.definition, language)
        rows.append(f"<tr><th>{language}</th><td>{html.escape(label)}</td><td>{html.escape(definition)}</td></tr>")
    relations = []
    for predicate, name in ((RDFS.subClassOf, "subclass of"), (RDFS.subPropertyOf, "subproperty of"),
                            (RDFS.domain, "domain"), (RDFS.range, "range")):
        named = [v for v in graph.objects(term, predicate) if isinstance(v, URIRef)]
        values = ", ".join(html.escape(_name(graph, v)) for v in named)
        if values:
            relations.append(f"<li>{name}: {values}</li>")
    anchor = html.escape(str(term).rsplit("#", 1)[-1])
    return (f"<div class=\"entity\" id=\"{anchor}\"><h3>{html.escape(_name(graph, term))}</h3>"
            f"<p><code>{html.escape(str(term))}</code></p>"
            f"<table class=\"labels\">{''.join(rows)}</table><ul>{''.join(relations)}</ul></div>")


def _vocabularies_html(graph: Graph) -> str:
    """The SKOS concept schemes (action types, conditions, grounds …): each concept with both labels."""
    parts = ["<section id=\"vocabularies\" class=\"coop-vocabularies\"><h2>Vocabularies (SKOS concept schemes)</h2>",
             "<p>Values of the ontology's properties: action types, conditions, grounds for refusal, roles and the "
             "other controlled lists, each concept with its English and Ukrainian label.</p>"]
    schemes = sorted(graph.subjects(RDF.type, SKOS.ConceptScheme),
                     key=lambda s: _text(graph, s, SKOS.prefLabel, "en") or str(s))
    for scheme in schemes:
        concepts = sorted(graph.subjects(SKOS.inScheme, scheme), key=lambda c: str(graph.value(c, SKOS.notation)))
        name_en, name_uk = _text(graph, scheme, SKOS.prefLabel, "en"), _text(graph, scheme, SKOS.prefLabel, "uk")
        rows = "".join(
            f"<tr><td><code>{html.escape(str(graph.value(c, SKOS.notation) or c))}</code></td>"
            f"<td>{html.escape(_text(graph, c, SKOS.prefLabel, 'en'))}</td>"
            f"<td lang=\"uk\">{html.escape(_text(graph, c, SKOS.prefLabel, 'uk'))}</td>"
            f"<td>{html.escape(_text(graph, c, SKOS.definition, 'en'))}</td></tr>"
            for c in concepts)
        parts.append(
            f"<details><summary>{html.escape(name_en)} · <span lang=\"uk\">{html.escape(name_uk)}</span> "
            f"({len(concepts)})</summary><p><code>{html.escape(str(scheme))}</code></p>"
            "<div class=\"coop-table\"><table><thead><tr><th>id</th><th>English</th><th>Українською</th>"
            f"<th>definition</th></tr></thead><tbody>{rows}</tbody></table></div></details>")
    parts.append("</section>")
    return "".join(parts)


def _decorate(page: str, graph: Graph, generator: str, with_extending_guide: bool) -> str:
    """Our navigation, the formats, the guide link and the vocabularies around the generated page."""
    guide = (f' · <a href="{EXTENDING_GUIDE_URL}">Extend the ontology (guide)</a>' if with_extending_guide else "")
    banner = (
        '<nav class="coop-nav"><a href="/">Legal bases</a><a href="/query">SPARQL query</a>'
        '<a href="/ontology" aria-current="page">Ontology</a><a href="/docs">API</a></nav>'
        '<div class="coop-intro"><p>The Cooperation Graph ontology, with every class and property in English and '
        'Ukrainian. Download it: <a href="/ontology?format=turtle">Turtle</a> · '
        f'<a href="/ontology?format=jsonld">JSON-LD</a> · <a href="#vocabularies">vocabularies</a>{guide}.</p>'
        f'<p class="coop-generator">Rendered by {html.escape(generator)}.</p></div>'
    )
    style = (
        "<style>.coop-nav{display:flex;gap:1em;flex-wrap:wrap;padding:.6em 0;border-bottom:1px solid #ccd;"
        "font-family:sans-serif}.coop-nav a{color:#1d3557;font-weight:bold;text-decoration:none}"
        ".coop-intro{font-family:sans-serif;background:#f1f5fb;border:1px solid #ccd;padding:.2em 1em;margin:1em 0}"
        ".coop-generator{color:#666;font-size:small}.coop-vocabularies details{margin:.5em 0}"
        ".coop-vocabularies summary{cursor:pointer;font-weight:bold}.coop-table{overflow-x:auto}"
        ".coop-vocabularies table{border-collapse:collapse;font-size:small}"
        ".coop-vocabularies td,.coop-vocabularies th{border:1px solid #ccd;padding:.2em .4em;vertical-align:top}"
        ".entity table.labels th{width:3em}@media (min-width:801px){.coop-nav,.coop-intro{margin-right:190px}}"
        "@media (max-width:800px){body{padding:1em!important}#toc{position:static!important;width:auto!important;"
        "height:auto!important}#content{width:auto!important}#pylode{display:none}}</style>"
    )
    head_end = page.find("</head>")
    if head_end != -1:
        page = page[:head_end] + '<meta name="viewport" content="width=device-width, initial-scale=1">' + style + \
            page[head_end:]
    body_start = page.find(">", page.find("<body")) + 1
    page = page[:body_start] + banner + page[body_start:]
    # The vocabularies go last inside pyLODE's content column (closed just before its badge and table of contents),
    # with an entry in that table.
    after_content = [i for i in (page.find('<div id="pylode"'), page.find('<div id="toc"')) if i != -1]
    content_end = page.rfind("</div>", 0, min(after_content)) if after_content else page.rfind("</body>")
    page = page[:content_end] + _vocabularies_html(graph) + page[content_end:]
    toc_list = page.find('<ul class="first">', page.find('<div id="toc"'))
    if toc_list != -1:
        entry = '<li><h4><a href="#vocabularies">Vocabularies</a></h4></li>'
        insert_at = toc_list + len('<ul class="first">')
        page = page[:insert_at] + entry + page[insert_at:]
    return page
