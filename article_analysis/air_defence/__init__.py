"""Chapter 03, the 20 % pledge: the trajectory model of its four readings and the sourced baseline and budget."""
