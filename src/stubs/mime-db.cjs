// Bundle stub for `mime-db` (aliased in wrangler.toml): 200 KB of MIME types pulled in by the Agents
// SDK's email helpers (mimetext), which this Worker never uses. An empty database is a valid one.
module.exports = {};
