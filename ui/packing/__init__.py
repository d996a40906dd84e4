"""The packing screen: a view-model that holds the state, and widgets that draw it."""
