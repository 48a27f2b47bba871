"""A restricted Boltzmann machine's views: its filters, reconstructions and dreams."""
