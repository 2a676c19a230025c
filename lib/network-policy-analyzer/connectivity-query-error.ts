/** A reachability question the analyzer cannot answer: an unknown workload, Service, port name or address. */
export class ConnectivityQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectivityQueryError';
  }
}
