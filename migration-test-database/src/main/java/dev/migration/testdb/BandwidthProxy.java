package dev.migration.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on an ephemeral loopback port that forwards every connection to one target and
 * passes what the target sends at no more than a given number of bytes a second: a thin link
 * between a primary and its standby. What the client sends passes at once.
 *
 * <p>Each direction is one thread that reads a small chunk and writes it; the throttled one
 * then sleeps until the link would be free again. It buffers nothing beyond that chunk, so
 * when the link is full the target's writes block in its own socket, as over a real link:
 * a walsender then holds the WAL it has not sent, not this proxy.
 */
public final class BandwidthProxy implements AutoCloseable {

	private static final int CHUNK = 16 * 1024;

	private final ServerSocket listener;

	private final InetSocketAddress target;

	private final long bytesPerSecond;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicLong forwarded = new AtomicLong();

	private volatile boolean closed;

	/**
	 * Starts listening on loopback and forwarding to {@code host:port}.
	 * @param host the target's host
	 * @param port the target's port
	 * @param bytesPerSecond the most the target's side passes each second
	 * @throws IOException if no port could be opened
	 */
	public BandwidthProxy(String host, int port, long bytesPerSecond) throws IOException {
		this.target = new InetSocketAddress(host, port);
		this.bytesPerSecond = bytesPerSecond;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("bandwidth-proxy-" + this.listener.getLocalPort(), this::accept);
	}

	/** The loopback port clients connect to. */
	public int port() {
		return this.listener.getLocalPort();
	}

	/** The bytes passed from the target to clients so far. */
	public long forwarded() {
		return this.forwarded.get();
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket();
				server.connect(this.target);
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(server);
				daemon("bandwidth-proxy-up-" + client.getPort(), () -> pipe(client, server, false));
				daemon("bandwidth-proxy-down-" + client.getPort(), () -> pipe(server, client, true));
			}
			catch (IOException ex) {
				if (!this.closed) {
					System.err.println("bandwidth proxy: " + ex.getMessage());
				}
			}
		}
	}

	/** Copies one direction until it ends, then closes both sockets: the other direction must not wait on. */
	private void pipe(Socket from, Socket to, boolean throttled) {
		byte[] buffer = new byte[CHUNK];
		long free = System.nanoTime();
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				if (throttled) {
					this.forwarded.addAndGet(read);
					// the link is busy for the chunk's time from when it was last free, or from now: no credit for idling
					free = Math.max(free, System.nanoTime()) + read * 1_000_000_000L / this.bytesPerSecond;
					long left;
					while ((left = free - System.nanoTime()) > 0) {
						LockSupport.parkNanos(left);
					}
				}
			}
		}
		catch (IOException ex) {
			// one side went away or the proxy closed
		}
		finally {
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
