-- The duplicate-import check hashes the text with its line ends made LF (src/documents/document.service.ts):
-- a text pasted into the import form arrives with CRLF and must match the same text imported by file
-- or API. Stored hashes of texts holding a CR are brought in line; the others are already the same.
UPDATE documents
SET content_hash = encode(sha256(convert_to(replace(replace(body, E'\r\n', E'\n'), E'\r', E'\n'), 'UTF8')), 'hex')
WHERE strpos(body, E'\r') > 0;
