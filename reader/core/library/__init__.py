"""The library: folders walked, documents indexed with Whoosh (schema, codec, commit
protocol), searched and ranked; the user's notes and reading history kept beside it."""
