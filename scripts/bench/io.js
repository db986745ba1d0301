// Shared reading and writing for the Node peer drivers of `make bench`.
// Input is read whole, like the Python drivers do, so that every peer
// pays the same for I/O; output is one item per line, buffered.
'use strict';
const fs = require('fs');

function unescape(s) {
	if (s.indexOf('\\') < 0)
		return s;
	return s.replace(/\\(.)/g, (m, c) =>
	    c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' :
	    c === '\\' ? '\\' : m);
}

function lines() {
	const text = fs.readFileSync(0, 'utf8');
	const a = text.split('\n');
	if (a.length && a[a.length - 1] === '')
		a.pop();
	return a;
}

// The text field of each document of a TSV file with a header row.
function* documents() {
	const a = lines();
	if (!a.length)
		return;
	const col = a[0].split('\t').indexOf('text');
	for (let i = 1; i < a.length; i++)
		yield unescape(a[i].split('\t')[col] || '');
}

// Paragraphs of a document: every splitter gets the same units.
function paragraphs(text) {
	return text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
}

// The sent records of a record stream, each with its document's date.
function* sentences() {
	let date = '';
	for (const line of lines()) {
		const f = line.split('\t');
		if (f[0] === 'doc')
			date = f[2] || '';
		else if (f[0] === 'sent' && f.length >= 6)
			yield { doc: f[1], n: f[2], date: date,
			    text: unescape(f[5]) };
	}
}

class Output {
	constructor() { this.buf = []; this.size = 0; }
	line(s) {
		s = s.replace(/\s+/g, ' ').trim();
		if (s === '')
			return;
		this.buf.push(s);
		this.size += s.length + 1;
		if (this.size > 1 << 20)
			this.flush();
	}
	flush() {
		if (this.buf.length)
			fs.writeSync(1, this.buf.join('\n') + '\n');
		this.buf = [];
		this.size = 0;
	}
}

module.exports = { documents, paragraphs, sentences, Output };
