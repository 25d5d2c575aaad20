// Entry point of `logintest` (being written).
int main() { return 0; }
