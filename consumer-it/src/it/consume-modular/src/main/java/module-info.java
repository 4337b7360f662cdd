module com.example.modular {
  requires io.github.hubsdk.client;
  requires jdk.httpserver;
}
