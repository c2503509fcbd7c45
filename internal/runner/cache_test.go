package runner

import "testing"

// put through the entry get found updates it; after a drop or an eviction
// that entry is gone, and put stores the session anew, found by get.
func TestCachePutThroughStaleEntry(t *testing.T) {
	c := newSessionCache(2)
	c.put("a", cachedSession{version: 1})
	got, _ := c.get("a")
	c.put("a", cachedSession{version: 2, at: got.at})
	if v, ok := c.get("a"); !ok || v.version != 2 || len(c.items) != 1 || c.order.Len() != 1 {
		t.Fatalf("after put through the entry: %v %v, %d items, %d in order", v.version, ok, len(c.items), c.order.Len())
	}

	got, _ = c.get("a")
	c.drop("a")
	c.put("a", cachedSession{version: 3, at: got.at})
	if v, ok := c.get("a"); !ok || v.version != 3 || len(c.items) != 1 || c.order.Len() != 1 {
		t.Fatalf("after drop and put: %v %v, %d items, %d in order", v.version, ok, len(c.items), c.order.Len())
	}

	got, _ = c.get("a")
	c.put("b", cachedSession{version: 1})
	c.put("c", cachedSession{version: 1}) // evicts a, the least recently used
	if _, ok := c.get("a"); ok {
		t.Fatal("a not evicted")
	}
	c.put("a", cachedSession{version: 4, at: got.at})
	if v, ok := c.get("a"); !ok || v.version != 4 || len(c.items) != 2 || c.order.Len() != 2 {
		t.Fatalf("after eviction and put: %v %v, %d items, %d in order", v.version, ok, len(c.items), c.order.Len())
	}
}
