package io.github.hubsdk.emulator.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's HTTP/1.1 server, on plain JDK sockets. Each connection has a thread of its own (up to
 * {@link Limits#maxConnections()}), and every request must arrive whole within its deadline, so a client
 * that stops sending mid-request holds only its own connection until the deadline closes it. Requests are
 * answered by at most {@code handlers} threads at once. Everything it answers itself is JSON (through
 * {@link EdgeHandler#refuse}). Internal API.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it reads request heads on its executor's threads
 * with no deadline (8 clients that stop mid-head freeze an 8-thread pool; its {@code maxReqTime} is a
 * JVM-wide system property read once), and it answers a malformed target or header with an HTML page
 * before any handler runs.
 */
public final class HttpListener implements AutoCloseable {

  /**
   * The edge's limits.
   *
   * @param requestMillis how long a request may take to arrive whole (head and body), and an answer to be written
   * @param idleMillis how long a kept-alive connection may wait for its next request
   * @param maxBodyBytes the largest body read (413 beyond)
   * @param maxConnections how many connections are served at once (503 beyond)
   * @param handlers how many requests are answered at once
   */
  public record Limits(long requestMillis, long idleMillis, int maxBodyBytes, int maxConnections, int handlers) {}

  /** I/O that may block. */
  interface Io {
    void run() throws IOException;
  }

  private final ServerSocket server;
  private final EdgeHandler handler;
  private final Limits limits;
  private final ThreadPoolExecutor connections;
  private final ScheduledThreadPoolExecutor timer;
  /** The answers being written right now: socket to the System.nanoTime() by which the write must be done. */
  private final Map<Socket, Long> writing = new ConcurrentHashMap<>();
  private final Semaphore handlerPermits;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  public HttpListener(InetAddress bind, int port, EdgeHandler handler, Limits limits) throws IOException {
    this.handler = handler;
    this.limits = limits;
    this.handlerPermits = new Semaphore(limits.handlers());
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(bind, port), 128);
    this.server = socket;
    AtomicInteger n = new AtomicInteger();
    this.connections = new ThreadPoolExecutor(0, limits.maxConnections(), 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> daemon(r, "hub-emulator-conn-" + n.incrementAndGet()));
    this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "hub-emulator-deadlines"));
    // One check of the writes in progress every tick, instead of a guard scheduled and cancelled per answer:
    // the cancelled guards stayed queued for the whole deadline (10 s by default, tens of thousands of them
    // under load), and the timer thread woke for each. A late write is cut off at most a tick after its
    // deadline (a tenth of it, between 10 and 250 ms).
    long tick = Math.max(10, Math.min(250, limits.requestMillis() / 10));
    timer.scheduleWithFixedDelay(this::closeLateWrites, tick, tick, TimeUnit.MILLISECONDS);
    this.acceptor = daemon(this::accept, "hub-emulator-accept-" + server.getLocalPort());
    acceptor.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  EdgeHandler handler() {
    return handler;
  }

  boolean closed() {
    return closed;
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      open.add(socket);
      try {
        connections.execute(new HttpConnection(this, socket, limits));
      } catch (RejectedExecutionException full) {
        refuseBusy(socket);
      }
    }
  }

  /** Every connection thread is taken: answer 503 at once and close. */
  private void refuseBusy(Socket socket) {
    try (socket) {
      RawResponse r = handler.refuse(503, "Too many connections; try again later.", socket.getInetAddress()
          .getHostAddress());
      StringBuilder h = new StringBuilder("HTTP/1.1 503 Service Unavailable\r\n");
      for (Map.Entry<String, String> e : r.headers().entrySet()) {
        h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
      }
      byte[] body = r.body() == null ? new byte[0] : r.body();
      h.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // the client is gone too
    } finally {
      open.remove(socket);
    }
  }

  /** Answers one request, with at most {@code handlers} requests answered at once. */
  RawResponse handle(RawRequest request) throws InterruptedException {
    handlerPermits.acquire();
    try {
      return handler.handle(request);
    } finally {
      handlerPermits.release();
    }
  }

  /** Runs {@code io}, closing the socket if it has not finished within the request deadline. */
  void withWriteDeadline(Socket socket, Io io) throws IOException {
    writing.put(socket, System.nanoTime() + limits.requestMillis() * 1_000_000L);
    try {
      io.run();
    } finally {
      writing.remove(socket);
    }
  }

  /** Closes the socket of every write past its deadline (its writer then fails and ends the connection). */
  private void closeLateWrites() {
    long now = System.nanoTime();
    for (Map.Entry<Socket, Long> w : writing.entrySet()) {
      if (now - w.getValue() > 0) {
        try {
          w.getKey().close();
        } catch (IOException e) {
          // closing is all there is to do
        }
      }
    }
  }

  void forget(Socket socket) {
    open.remove(socket);
  }

  /** How many connections are open right now (for tests of stalled clients). */
  public int openConnections() {
    return open.size();
  }

  /** How many answers are being written right now (for tests). */
  int writesInProgress() {
    return writing.size();
  }

  /** How many connection threads are alive right now. */
  public int connectionThreads() {
    return connections.getPoolSize();
  }

  /** Stops accepting, closes every connection and stops the threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing is all there is to do
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing is all there is to do
      }
    }
    connections.shutdownNow();
    timer.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
      acceptor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
