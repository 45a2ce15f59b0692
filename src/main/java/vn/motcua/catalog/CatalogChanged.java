package vn.motcua.catalog;

/** Published after procedures were created, changed or imported. */
public record CatalogChanged(int procedures) {
}
