/// Placeholder until the generator lands.
public enum DemoData {}
