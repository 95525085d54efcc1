// Reads a GEXF file the way Gephi Lite does and prints what it found as one JSON object.
//
//   node read.mjs FILE [NODE_ID ...]
//
// Gephi Lite opens GEXF with graphology-gexf's parser (the browser build, on the browser's
// DOMParser). Here the same parser runs from the package's Node entry, on @xmldom/xmldom,
// the DOM implementation that entry is built on, set up to behave like a browser's XML
// parser:
//   - any error or warning from xmldom fails the read (a browser refuses a document that is
//     not well-formed XML; left alone, xmldom logs and carries on with part of the file);
//   - line ends are normalised as XML 1.0 says (CR LF and CR become LF), not also U+0085
//     and U+2028 as xmldom does by default (the XML 1.1 rule).
// The parser itself runs with its defaults, stricter than Gephi Lite's options
// (allowUndeclaredAttributes and addMissingNodes): an attribute value for an undeclared
// attribute, or an edge to a node the file does not have, is an error.
//
// Output: order, size, type, multi, the graph's attributes, the union of the node
// attribute names, for each NODE_ID its attributes as parsed (null when absent), and the
// number of edges for each value of their "relation" attribute. Numbers that JSON cannot
// hold (NaN, infinities) are written as strings. On failure: the parser's message on
// stderr and exit code 1.

import { readFileSync } from 'node:fs';

import xmldom from '@xmldom/xmldom';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

function readDocument(text) {
  const problems = [];
  const report = (message) => problems.push(message); // "[xmldom error]\t… @#[line:…]"
  const parser = new xmldom.DOMParser({
    locator: {},
    errorHandler: { warning: report, error: report, fatalError: report },
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
  });
  const doc = parser.parseFromString(text, 'application/xml');
  if (problems.length > 0) {
    const more = problems.length > 5 ? `\n(${problems.length - 5} more)` : '';
    throw new Error(`not well-formed XML:\n${problems.slice(0, 5).join('\n')}${more}`);
  }
  return doc;
}

function jsonSafe(key, value) {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function main(argv) {
  if (argv.length < 1) throw new Error('usage: node read.mjs FILE [NODE_ID ...]');
  const [path, ...wanted] = argv;
  const graph = gexf.parse(Graph, readDocument(readFileSync(path, 'utf8')));

  const names = new Set();
  graph.forEachNode((node, attributes) => {
    for (const name of Object.keys(attributes)) names.add(name);
  });
  const nodes = {};
  for (const id of wanted) nodes[id] = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
  const relations = {};
  graph.forEachEdge((edge, attributes) => {
    const relation = String(attributes.relation);
    relations[relation] = (relations[relation] ?? 0) + 1;
  });

  return {
    order: graph.order,
    size: graph.size,
    type: graph.type,
    multi: graph.multi,
    attributes: graph.getAttributes(),
    nodeAttributes: [...names].sort(),
    nodes,
    relations,
  };
}

try {
  process.stdout.write(JSON.stringify(main(process.argv.slice(2)), jsonSafe) + '\n');
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
